import { applyPercent, divideHalfUp, parsePercent, percent, ratio, type Fen, type Percent } from '../money/index.js';
import type { PaymentProgress } from '../dataset/schema.js';

/**
 * 序时进度: the share of the year elapsed at the end of `month`, linear by month
 * (25 / 50 / 75 / 100 % at quarter ends). Places with their own checkpoints pass another schedule.
 */
export type Schedule = (month: number) => Percent;

export const linearSchedule: Schedule = (month) => percent(divideHalfUp(BigInt(month) * 10_000n, 12n));

/** One checkpoint: cumulative progress against the schedule. */
export type PaymentPointFigures = {
  month: number;
  /** Cumulative paid, when known (given, or derived from a stated percentage of the base). */
  cumulativePaid: Fen | null;
  /** 支出进度 = cumulative paid ÷ base, or the stated percentage. */
  progress: Percent | null;
  /** 序时进度 at the end of the month. */
  schedule: Percent;
  /** Percentage points behind the schedule (negative when ahead). */
  lag: Percent | null;
  behind: boolean;
};

export type PaymentProgressFigures = {
  scope: PaymentProgress['scope'];
  base: PaymentProgress['base'];
  baseAmount: Fen;
  points: PaymentPointFigures[];
};

export function computePaymentProgress(
  progress: PaymentProgress,
  baseAmount: Fen,
  schedule: Schedule = linearSchedule,
): PaymentProgressFigures {
  const points = [...progress.points]
    .sort((a, b) => a.month - b.month)
    .map((point): PaymentPointFigures => {
      const stated = point.cumulativePercent === undefined ? null : parsePercent(point.cumulativePercent);
      const statedPercent = stated?.ok === true ? stated.percent : null;
      const paid = point.cumulativePaid ?? (statedPercent === null ? null : applyPercent(statedPercent, baseAmount));
      const value = statedPercent ?? (paid === null ? null : ratio(paid, baseAmount));
      const due = schedule(point.month);
      const lag = value === null ? null : percent(due - value);
      return {
        month: point.month,
        cumulativePaid: paid,
        progress: value,
        schedule: due,
        lag,
        behind: lag !== null && lag > 0n,
      };
    });
  return { scope: progress.scope, base: progress.base, baseAmount, points };
}
