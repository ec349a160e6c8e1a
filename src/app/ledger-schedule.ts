// Source: docs/ledger.md §支付进度 and standards.md §3 (序时进度): linear by month — within a month by day, so a
// month end gives exactly m ÷ 12 (25 / 50 / 75 / 100 % at quarter ends) — or a pack's checkpoints, held to the
// latest checkpoint whose month has ended (0 % before the first).
import { scheduleFromRule } from '../domain/problems/payment-schedule.js';
import { divideHalfUp, percent, type Percent } from '../domain/money/index.js';
import type { PaymentScheduleRule } from '../domain/scoring/rule-pack.js';
import { daysInMonth } from '../ingest/ledger/ledger-fields.js';

/** A calendar date as its parts; month and day 1-based. */
export type CalendarDate = { year: number; month: number; day: number };

/** `YYYY-MM-DD` as a real calendar date, or null. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** 序时进度 on a date. */
export function scheduleOn(date: CalendarDate, rule: PaymentScheduleRule): Percent {
  const days = daysInMonth(date.year, date.month);
  if (rule.kind === 'linear') {
    // ((month − 1) + day ÷ days) ÷ 12, as one fraction rounded once.
    const numerator = (BigInt(date.month - 1) * BigInt(days) + BigInt(date.day)) * 10_000n;
    return percent(divideHalfUp(numerator, BigInt(days) * 12n));
  }
  const completedMonth = date.day === days ? date.month : date.month - 1;
  return completedMonth === 0 ? percent(0n) : scheduleFromRule(rule)(completedMonth);
}

/** 序时进度 at the end of a month. */
export const scheduleAtMonthEnd = (year: number, month: number, rule: PaymentScheduleRule): Percent =>
  scheduleOn({ year, month, day: daysInMonth(year, month) }, rule);
