import { formatAmount, formatPercent, type Fen, type MoneyUnit, type Percent } from '../money/index.js';
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { FieldPath } from '../findings/finding.js';
import type { ProblemRules } from '../scoring/rule-pack.js';

/** 问题类型: stable English codes, one per kind of problem a reviewer writes in section 四. */
export type ProblemCode =
  | 'DEPARTMENT_EXECUTION_RATE_LOW'
  | 'BASIC_EXECUTION_RATE_LOW'
  | 'PROJECTS_EXECUTION_RATE_LOW'
  | 'PROJECT_EXECUTION_RATE_LOW'
  | 'PAYMENT_PROGRESS_BEHIND'
  | 'UNSPENT_BALANCE_LARGE'
  | 'RETURNED_TO_TREASURY'
  | 'THREE_PUBLIC_OVER_BUDGET'
  | 'SUPPLEMENTARY_TOO_LATE';

/**
 * 存在的问题: one problem found in the figures, with the figures it rests on (as printed, percentages like
 * "81.57", amounts in the dataset's unit like "244.71") and a drafted Chinese sentence for section 四.
 */
export type Problem = {
  code: ProblemCode;
  /** The drafted sentence, e.g. "项目支出预算执行率（年初预算口径）为81.57%……". */
  message: string;
  figures: Readonly<Record<string, string>>;
  /** Where in the dataset the problem lies. */
  path: FieldPath;
  /** Index in dataset.projects when the problem concerns one project. */
  projectIndex?: number;
};

/** 问题识别参数: thresholds and the payment schedule; a rule pack's `problems` block is one. */
export type ProblemOptions = ProblemRules;

/** What every detector receives. */
export type ProblemContext = { dataset: Dataset; figures: Figures; options: ProblemOptions };

export type ProblemDetector = (context: ProblemContext) => Problem[];

/** "81.57%" (trailing zeros trimmed, as reports write rates: 4.6%, 25%). */
export function pctText(value: Percent): string {
  return `${formatPercent(value, { trimZeros: true })}%`;
}

/** "244.71万元" */
export function amtText(value: Fen, unit: MoneyUnit): string {
  return `${formatAmount(value, unit)}${unit}`;
}

/** Figures on the wire: percentages "81.57", amounts "244.71". */
export function pctFigure(value: Percent): string {
  return formatPercent(value);
}

export function amtFigure(value: Fen, unit: MoneyUnit): string {
  return formatAmount(value, unit);
}
