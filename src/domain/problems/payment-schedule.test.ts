import { describe, expect, it } from 'vitest';
import { formatPercent, percent } from '../money/index.js';
import { scheduleFromRule } from './payment-schedule.js';

describe('序时进度 schedules', () => {
  it.each([
    [3, '25.00'],
    [6, '50.00'],
    [9, '75.00'],
    [11, '91.67'],
    [12, '100.00'],
  ])('linear: end of month %i → %s %%', (month, expected) => {
    expect(formatPercent(scheduleFromRule({ kind: 'linear' })(month))).toBe(expected);
  });

  const checkpoints = scheduleFromRule({
    kind: 'checkpoints',
    checkpoints: [
      { month: 11, percent: percent(8000n) },
      { month: 6, percent: percent(4500n) },
    ],
  });
  it.each([
    [3, '0.00'],
    [6, '45.00'],
    [9, '45.00'],
    [11, '80.00'],
    [12, '80.00'],
  ])('checkpoints 45 %% by June, 80 %% by November: month %i → %s %%', (month, expected) => {
    expect(formatPercent(checkpoints(month))).toBe(expected);
  });
});
