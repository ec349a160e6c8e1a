import type { PaymentScheduleRule } from '../scoring/rule-pack.js';

/**
 * 支付进度 as the ledger reports it (GET /api/ledger/progress, `jixiao ledger progress --json`): amounts in 元 with
 * two decimals and percents as "37.63", so the web app and the CLI print what the server computed, digit for digit.
 */

/** One month end of a department's curve: cumulative paid and progress against 序时进度. */
export type LedgerCurvePoint = { month: number; cumulativePaid: string; progress: string | null; schedule: string };

/** 支付进度 of one department as of a date. */
export type LedgerProgressRow = {
  departmentCode: string;
  departmentName: string;
  fullYearBudget: string;
  paid: string;
  progress: string | null;
  schedule: string;
  /** Percentage points behind the schedule (negative when ahead); null without a budget. */
  lag: string | null;
  lagging: boolean;
  curve: LedgerCurvePoint[];
};

/** Every department's progress as of `asOf`, lagging first. */
export type LedgerProgress = {
  asOf: string;
  year: number;
  scheduleKind: PaymentScheduleRule['kind'];
  pack: string | null;
  laggingCount: number;
  departments: LedgerProgressRow[];
};
