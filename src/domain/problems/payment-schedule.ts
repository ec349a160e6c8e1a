// Source: standards.md §3: 序时进度 is linear (25 / 50 / 75 / 100 % at quarter ends) unless a place sets its own
// checkpoints (e.g. 45 % by June, 80 % by November). With checkpoints, a month is held to the latest checkpoint
// at or before it; before the first checkpoint nothing is required (0 %).
import { percent } from '../money/index.js';
import { linearSchedule, type Schedule } from '../figures/payment-progress.js';
import type { PaymentScheduleRule } from '../scoring/rule-pack.js';

/** The schedule a rule describes, as the `Schedule` function computeFigures and the detectors use. */
export function scheduleFromRule(rule: PaymentScheduleRule): Schedule {
  if (rule.kind === 'linear') return linearSchedule;
  const sorted = [...rule.checkpoints].sort((a, b) => a.month - b.month);
  return (month) => {
    const due = sorted.filter((c) => c.month <= month).at(-1);
    return due === undefined ? percent(0n) : due.percent;
  };
}
