import type { Dataset } from '../dataset/schema.js';
import type { FigureKey } from './catalog.js';

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
 * 年末结转和结余 is what every part carries forward (basic expenditure and each project). Outside a narrative report a
 * part may leave it out, and then the sum is unknown, not zero: it, 结转结余合计 and 结转结余率 are unavailable (and
 * 项目支出年末结余 when a project leaves it out).
 */
function yearEndBalanceUnstated(dataset: Dataset): FigureKey[] {
  const projectUnstated = dataset.projects.some((p) => p.carriedForward === undefined);
  const basic = dataset.basicExpenditure;
  if (!projectUnstated && (basic === undefined || basic.carriedForward !== undefined)) return [];
  return [
    'yearEndBalance',
    'carriedForwardTotal',
    'carryForwardRate',
    ...(projectUnstated ? ['projectYearEndBalance' as const] : []),
  ];
}

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
  if (dataset.kind !== 'report') add(yearEndBalanceUnstated(dataset));
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
