// Source: standards.md §4: execution score = weight × execution rate, capped at the weight; the denominator is
// the pack's (national: full-year budget). Edge case: a zero budget gives no rate (null) and 0 points, stated.
import {
  divideHalfUp,
  formatAmount,
  formatPercent,
  ratio,
  type Fen,
  type MoneyUnit,
  type Percent,
} from '../money/index.js';
import type { Figures } from '../figures/compute.js';
import { explain, type Explanation } from './explanation.js';
import { clampPoints, formatPoints, points, ZERO_POINTS, type Points } from './points.js';
import type { ExecutionBasis, RulePack } from './rule-pack.js';

export const BASIS_LABEL: Readonly<Record<ExecutionBasis, string>> = {
  fullYearBudget: '全年预算口径',
  yearStartBudget: '年初预算口径',
};

/** 预算执行率得分. */
export type ExecutionScore = {
  basis: ExecutionBasis;
  /** The denominator the pack uses (全年预算数 or 年初预算数). */
  budget: Fen;
  executed: Fen;
  /** 执行率 at 2 decimals; null when the budget is zero. */
  rate: Percent | null;
  weight: Points;
  score: Points;
  explanation: Explanation;
};

/** Execution rate on a basis: executed ÷ budget, rounded to 0.01 % (null for a zero budget). */
export function executionRate(executed: Fen, budget: Fen): Percent | null {
  return ratio(executed, budget);
}

/** weight × rate (the rate as printed, 2 decimals), half-up to 0.01 point, within [0, weight]. */
export function pointsForRate(weight: Points, rate: Percent | null): Points {
  if (rate === null) return ZERO_POINTS;
  return clampPoints(points(divideHalfUp(weight * rate, 10_000n)), ZERO_POINTS, weight);
}

export function scoreExecution(figures: Figures, pack: RulePack, unit: MoneyUnit): ExecutionScore {
  const basis = pack.executionBasis;
  const budget = figures.amounts[basis === 'fullYearBudget' ? 'fullYearBudgetTotal' : 'yearStartBudgetTotal'].value;
  const executed = figures.amounts.expenditureTotal.value;
  const rate = executionRate(executed, budget);
  const weight = pack.weights.execution;
  const score = pointsForRate(weight, rate);
  const inputs = {
    分值: formatPoints(weight),
    实际支出: `${formatAmount(executed, unit)}${unit}`,
    [BASIS_LABEL[basis].replace('口径', '数')]: `${formatAmount(budget, unit)}${unit}`,
    执行率: rate === null ? '无（分母为 0）' : `${formatPercent(rate)}%`,
  };
  const rule =
    rate === null
      ? `预算数为 0，无法计算执行率（${BASIS_LABEL[basis]}），得 0 分`
      : rate >= 10_000n
        ? `执行率（${BASIS_LABEL[basis]}）达到 100%，得满分（以分值为上限）`
        : `执行率按${BASIS_LABEL[basis]}计算，按执行率计分`;
  const formula = '得分 = min(分值 × 执行率, 分值)';
  return {
    basis,
    budget,
    executed,
    rate,
    weight,
    score,
    explanation: explain(pack, { rule, formula, inputs, result: formatPoints(score) }),
  };
}
