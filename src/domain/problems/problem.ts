import {
  amountPhrase,
  formatAmount,
  formatPercent,
  percentPhrase,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../money/index.js';
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import { formatPath, type FieldPath } from '../findings/finding.js';
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
  | 'OVER_EXECUTION'
  | 'SUPPLEMENTARY_TOO_LATE';

/**
 * 存在的问题: one problem found in the figures, with the figures it rests on (as printed, percentages like
 * "81.57", amounts in the dataset's unit like "244.71") and a drafted Chinese sentence for section 四.
 */
export type Problem = {
  /** Stable identity of this problem in this dataset ("PAYMENT_PROGRESS_BEHIND:$.paymentProgress.points[1]"), which a review refers to. */
  key: string;
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

/** A problem as a detector drafts it, before detectProblems gives it its key. */
export type ProblemDraft = Omit<Problem, 'key'>;

export type ProblemDetector = (context: ProblemContext) => ProblemDraft[];

/** Code + JSON path (+ the basis, where one figure is judged on two bases). */
export function problemKey(problem: ProblemDraft): string {
  const basis = problem.figures['basis'];
  return `${problem.code}:${formatPath(problem.path)}${basis === undefined ? '' : `:${basis}`}`;
}

/** "81.57%" (sentence form, as the report prints rates: 4.6%, 25%). */
export function pctText(value: Percent): string {
  return percentPhrase(value);
}

/** "244.71万元", "300万元" (sentence form, as the report prints amounts). */
export function amtText(value: Fen, unit: MoneyUnit): string {
  return amountPhrase(value, unit);
}

/** Figures on the wire: percentages "81.57", amounts "244.71". */
export function pctFigure(value: Percent): string {
  return formatPercent(value);
}

export function amtFigure(value: Fen, unit: MoneyUnit): string {
  return formatAmount(value, unit);
}
