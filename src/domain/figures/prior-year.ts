import { ratio, type Fen, type Percent } from '../money/index.js';
import type { Dataset, PriorYear } from '../dataset/schema.js';
import { combine, single, sumOf, type AmountFigure } from './amount-figure.js';
import type { FigureKey } from './catalog.js';

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

const INCOME: readonly FigureKey[] = [
  'incomeTotal',
  'incomeBasic',
  'incomeProject',
  'incomeGrandTotal',
  'incomeBasicShare',
  'incomeProjectShare',
];
const BASIC: readonly FigureKey[] = [
  'basicYearStartBudget',
  'basicFullYearBudget',
  'yearStartBudgetTotal',
  'fullYearBudgetTotal',
  'availableBudgetTotal',
  'expenditureBasic',
  'expenditureTotal',
  'personnel',
  'publicUse',
  'basicLinesTotal',
  'yearEndBalance',
  'carriedForwardTotal',
  'expenditureBasicShare',
  'expenditureProjectShare',
  'personnelShare',
  'publicUseShare',
  'executionRate',
  'executionRateYearStart',
  'basicExecutionRate',
  'budgetCompletionRate',
  'budgetAdjustmentRate',
  'carryForwardRate',
  'publicUseControlRate',
];
/** A form's projects are in its tables (`forms`), not in `projects`: these figures say nothing about them. */
const PROJECTS: readonly FigureKey[] = [
  'projectYearStartBudget',
  'projectFullYearBudget',
  'supplementaryTotal',
  'expenditureProject',
  'projectLinesTotal',
  'projectYearEndBalance',
  'returnedToTreasuryTotal',
  'projectExecutionRate',
  'projectExecutionRateFullYear',
];
const THREE_PUBLIC: readonly FigureKey[] = [
  'threePublicBudget',
  'threePublicActual',
  'threePublicVehicleBudget',
  'threePublicVehicleActual',
  'threePublicExecutionRate',
  'overseasTravelShare',
  'vehicleShare',
  'receptionShare',
  'threePublicChange',
  'threePublicChangeRate',
  'threePublicBudgetChangeRate',
];

/**
 * The figures whose raw facts `dataset` does not state: a 项目自评表 has no income block or basic expenditure, a 决算
 * 说明 no staffing. These are never checked against a stated figure nor printed as zeros.
 */
export function unavailableFigures(dataset: Dataset): ReadonlySet<FigureKey> {
  const out = new Set<FigureKey>();
  const add = (keys: readonly FigureKey[]) => keys.forEach((k) => out.add(k));
  if (dataset.income === undefined) add([...INCOME, 'incomeChange', 'incomeChangeRate']);
  if (dataset.basicExpenditure === undefined) add([...BASIC, 'expenditureChange', 'expenditureChangeRate']);
  if (dataset.basicExpenditure?.threePublic === undefined) add(THREE_PUBLIC);
  if (dataset.department.staffing === undefined) add(['inPostControlRate']);
  if (dataset.kind !== 'report' && dataset.projects.length === 0) add(PROJECTS);
  if (dataset.income?.carryOver === undefined && dataset.kind !== 'report') add(['carryOverTotal']);
  const threePublic = dataset.basicExpenditure?.threePublic;
  if (threePublic !== undefined) {
    const vehicles = [threePublic.vehiclePurchase, threePublic.vehicleOperation].filter((v) => v !== undefined);
    if (vehicles.some((v) => v.budget === undefined)) add(['threePublicVehicleBudget']);
    const items = [threePublic.overseasTravel, ...vehicles, threePublic.reception];
    if (threePublic.budgetTotal === undefined && items.some((v) => v.budget === undefined))
      add(['threePublicBudget', 'threePublicExecutionRate', 'threePublicBudgetChangeRate']);
  }
  const prior = dataset.priorYear;
  const incomeBase = prior?.changeRateBase === 'incomeGrandTotal' ? prior.incomeGrandTotal : prior?.incomeTotal;
  if (incomeBase === undefined) add(['incomeChange', 'incomeChangeRate']);
  if (prior?.expenditureTotal === undefined) add(['expenditureChange', 'expenditureChangeRate']);
  if (prior?.threePublicActual === undefined) add(['threePublicChange', 'threePublicChangeRate']);
  if (prior?.threePublicBudget === undefined) add(['threePublicBudgetChangeRate']);
  if (dataset.management?.procurementBudget === undefined || dataset.management.procurementActual === undefined)
    add(['procurementExecutionRate']);
  if (dataset.basicExpenditure?.publicUseBudget === undefined) add(['publicUseControlRate']);
  return out;
}
