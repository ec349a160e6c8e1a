import { ratio, type Fen, type Percent } from '../money/index.js';
import type { PriorYear } from '../dataset/schema.js';
import { combine, single, sumOf, type AmountFigure } from './amount-figure.js';

type PriorChangeAmounts = {
  incomeChange: AmountFigure;
  expenditureChange: AmountFigure;
  threePublicChange: AmountFigure;
};
type CurrentAmounts = {
  incomeTotal: AmountFigure;
  incomeGrandTotal: AmountFigure;
  expenditureTotal: AmountFigure;
  threePublicActual: AmountFigure;
  threePublicBudget: AmountFigure;
};

const NONE = sumOf([]);

/** 增减额 = current − prior; nothing when the prior figure is not stated. */
function change(current: AmountFigure, prior: Fen | undefined): AmountFigure {
  return prior === undefined ? NONE : combine(current, single(prior), -1);
}

/** The prior year's income on the base the form uses: 本年收入合计, or 收入总计 including carry-over. */
function priorIncome(prior: PriorYear | undefined): { current: keyof CurrentAmounts; prior: Fen | undefined } {
  if (prior?.changeRateBase === 'incomeGrandTotal')
    return { current: 'incomeGrandTotal', prior: prior.incomeGrandTotal };
  return { current: 'incomeTotal', prior: prior?.incomeTotal };
}

/** 增减额 against the prior year. */
export function priorYearAmounts(prior: PriorYear | undefined, current: CurrentAmounts): PriorChangeAmounts {
  const income = priorIncome(prior);
  return {
    incomeChange: change(current[income.current], income.prior),
    expenditureChange: change(current.expenditureTotal, prior?.expenditureTotal),
    threePublicChange: change(current.threePublicActual, prior?.threePublicActual),
  };
}

/** 增减率 / 变动率 = 增减额 ÷ prior (null when the prior figure is not stated or zero). */
export function priorYearPercents(
  prior: PriorYear | undefined,
  current: CurrentAmounts,
): Record<
  'incomeChangeRate' | 'expenditureChangeRate' | 'threePublicChangeRate' | 'threePublicBudgetChangeRate',
  Percent | null
> {
  const rate = (now: AmountFigure, before: Fen | undefined): Percent | null =>
    before === undefined ? null : ratio(now.value - before, before);
  const income = priorIncome(prior);
  return {
    incomeChangeRate: rate(current[income.current], income.prior),
    expenditureChangeRate: rate(current.expenditureTotal, prior?.expenditureTotal),
    threePublicChangeRate: rate(current.threePublicActual, prior?.threePublicActual),
    threePublicBudgetChangeRate: rate(current.threePublicBudget, prior?.threePublicBudget),
  };
}
