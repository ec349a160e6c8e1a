import { describe, expect, it } from 'vitest';
import type { Percent } from '../domain/money/index.js';
import type { PaymentScheduleRule } from '../domain/scoring/rule-pack.js';
import { parseCalendarDate, scheduleOn } from './ledger-schedule.js';

const on = (text: string) => {
  const date = parseCalendarDate(text);
  if (date === null) throw new Error(text);
  return date;
};
const hunan: PaymentScheduleRule = {
  kind: 'checkpoints',
  checkpoints: [
    { month: 6, percent: 4500n as Percent },
    { month: 11, percent: 8000n as Percent },
  ],
};

describe('scheduleOn', () => {
  it.each([
    ['2020-03-31', 2500n],
    ['2020-06-30', 5000n],
    ['2020-12-31', 10000n],
    ['2020-01-01', 27n],
    ['2020-05-16', 3763n],
    ['2020-02-29', 1667n],
  ])('is linear by month and day: %s → %i hundredths', (date, expected) => {
    expect(scheduleOn(on(date), { kind: 'linear' })).toBe(expected);
  });

  it.each([
    ['2020-06-29', 0n],
    ['2020-06-30', 4500n],
    ['2020-11-29', 4500n],
    ['2020-11-30', 8000n],
    ['2020-12-31', 8000n],
  ])('holds a checkpoint once its month has ended: %s → %i', (date, expected) => {
    expect(scheduleOn(on(date), hunan)).toBe(expected);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(parseCalendarDate('2021-02-29')).toBeNull();
    expect(parseCalendarDate('2020-2-1')).toBeNull();
  });
});
