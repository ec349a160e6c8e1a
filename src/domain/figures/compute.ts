import { ratio, ZERO_FEN, type Fen, type Percent } from '../money/index.js';
import { economicClassOf } from '../reference/economic-classification.js';
import type { Dataset, ExpenditureLine } from '../dataset/schema.js';
import { combine, single, sumOf, type AmountFigure } from './amount-figure.js';
import type { AmountFigureKey, FigureKey, PercentFigureKey } from './catalog.js';
import { priorYearAmounts, priorYearPercents } from './prior-year.js';
import { unavailableFigures } from './unavailable.js';
import {
  computePaymentProgress,
  linearSchedule,
  type PaymentProgressFigures,
  type Schedule,
} from './payment-progress.js';
import { computeProject, type ProjectFigures } from './projects.js';
import { computeThreePublic, type ThreePublicItemFigures } from './three-public.js';

/** Everything Jixiao derives from one dataset. Pure: the same dataset always gives the same figures. */
export type Figures = {
  amounts: Record<AmountFigureKey, AmountFigure>;
  percents: Record<PercentFigureKey, Percent | null>;
  projects: ProjectFigures[];
  threePublic: ThreePublicItemFigures[];
  paymentProgress: PaymentProgressFigures | null;
  /** 人员情况; null when the document does not state staffing (a form or a 决算说明). */
  staffing: StaffingFigures | null;
  /** 实际收入 + 年初结转 − 支出决算: what the year-end balance should equal. */
  incomeLessExpenditure: AmountFigure;
  /**
   * Figures whose raw facts the document does not state (no income block, no basic expenditure, no prior year…):
   * they are zero or null here, and are never checked, printed or assumed.
   */
  unavailable: ReadonlySet<FigureKey>;
};

export type StaffingFigures = {
  /** 总编制数. */
  authorizedTotal: number;
  inPost: number;
  /** 在职人员控制率 = in-post ÷ authorized. */
  inPostControlRate: Percent | null;
};

export type ComputeOptions = { schedule?: Schedule };

const NONE: AmountFigure = sumOf([]);

function linesOfKind(lines: readonly ExpenditureLine[], kind: 'personnel' | 'publicUse'): Fen[] {
  return lines.filter((l) => (economicClassOf(l.code)?.kind ?? 'publicUse') === kind).map((l) => l.amount);
}

function budgetFigures(dataset: Dataset, projects: readonly ProjectFigures[]) {
  const adjustments = dataset.income?.adjustments ?? [];
  const basicAdjustments = adjustments.filter((a) => a.part === 'basic').map((a) => a.amount);
  const projectAdjustments = adjustments.filter((a) => a.part === 'project').map((a) => a.amount);
  const basic = dataset.basicExpenditure;
  const basicYearStartBudget = basic === undefined ? NONE : single(basic.yearStartBudget);
  const projectYearStartBudget = sumOf(projects.map((p) => p.yearStartBudget));
  const supplementaryTotal = sumOf([
    ...projects.map((p) => p.supplementary),
    ...basicAdjustments,
    ...projectAdjustments,
  ]);
  const basicFullYearBudget = combine(basicYearStartBudget, sumOf(basicAdjustments));
  const projectFullYearBudget = combine(sumOf(projects.map((p) => p.fullYearBudget)), sumOf(projectAdjustments));
  const carry = dataset.income?.carryOver;
  const carryOverTotal = sumOf([carry?.basic, carry?.project].filter((v): v is Fen => v !== undefined));
  const fullYearBudgetTotal = combine(basicFullYearBudget, projectFullYearBudget);
  return {
    basicYearStartBudget,
    projectYearStartBudget,
    yearStartBudgetTotal: combine(basicYearStartBudget, projectYearStartBudget),
    supplementaryTotal,
    basicFullYearBudget,
    projectFullYearBudget,
    fullYearBudgetTotal,
    carryOverTotal,
    availableBudgetTotal: combine(carryOverTotal, fullYearBudgetTotal),
  };
}

function paymentBase(dataset: Dataset, amounts: Record<AmountFigureKey, AmountFigure>): Fen {
  const progress = dataset.paymentProgress;
  if (progress === undefined) return ZERO_FEN;
  const yearStart = progress.base === 'yearStartBudget';
  const keys: Record<typeof progress.scope, [AmountFigureKey, AmountFigureKey]> = {
    project: ['projectYearStartBudget', 'projectFullYearBudget'],
    basic: ['basicYearStartBudget', 'basicFullYearBudget'],
    total: ['yearStartBudgetTotal', 'fullYearBudgetTotal'],
  };
  const [ys, fy] = keys[progress.scope];
  return amounts[yearStart ? ys : fy].value;
}

type Amounts = Record<AmountFigureKey, AmountFigure>;

function threePublicVehicle(threePublic: readonly ThreePublicItemFigures[], side: 'budget' | 'actual'): AmountFigure {
  return sumOf(
    threePublic.filter((t) => t.key === 'vehiclePurchase' || t.key === 'vehicleOperation').map((t) => t[side]),
  );
}

/** 三公 budget: the stated total when the form prints only a total, else Σ items. */
function threePublicBudget(dataset: Dataset, threePublic: readonly ThreePublicItemFigures[]): AmountFigure {
  const total = dataset.basicExpenditure?.threePublic?.budgetTotal;
  return total !== undefined ? single(total) : sumOf(threePublic.map((t) => t.budget));
}

/** Every department-level amount: budgets, income, expenditure, lines, balances, 三公. */
function amountFigures(
  dataset: Dataset,
  projects: readonly ProjectFigures[],
  threePublic: readonly ThreePublicItemFigures[],
): Amounts {
  const basic = dataset.basicExpenditure;
  const sources = dataset.income?.sources ?? [];
  const lines = basic?.lines ?? [];
  const incomeBasic = sumOf(sources.map((s) => s.basic));
  const incomeProject = sumOf(sources.map((s) => s.project));
  const expenditureBasic = basic === undefined ? NONE : single(basic.actual);
  const expenditureProject = sumOf(projects.map((p) => p.actual));
  const projectYearEndBalance = sumOf(projects.map((p) => p.carriedForward));
  const yearEndBalance = combine(
    basic === undefined ? NONE : single(basic.carriedForward ?? ZERO_FEN),
    projectYearEndBalance,
  );
  const budgets = budgetFigures(dataset, projects);
  const incomeTotal = combine(incomeBasic, incomeProject);
  const expenditureTotal = combine(expenditureBasic, expenditureProject);
  const threePublicActual = sumOf(threePublic.map((t) => t.actual));
  const amounts = {
    ...budgets,
    incomeTotal,
    incomeBasic,
    incomeProject,
    incomeGrandTotal: combine(incomeTotal, budgets.carryOverTotal),
    expenditureTotal,
    expenditureBasic,
    expenditureProject,
    personnel: sumOf(linesOfKind(lines, 'personnel')),
    publicUse: sumOf(linesOfKind(lines, 'publicUse')),
    basicLinesTotal: sumOf(lines.map((l) => l.amount)),
    projectLinesTotal: sumOf((dataset.projectExpenditure?.lines ?? []).map((l) => l.amount)),
    yearEndBalance,
    projectYearEndBalance,
    returnedToTreasuryTotal: sumOf(projects.map((p) => p.returnedToTreasury)),
    carriedForwardTotal: yearEndBalance,
    threePublicBudget: threePublicBudget(dataset, threePublic),
    threePublicActual,
    threePublicVehicleBudget: threePublicVehicle(threePublic, 'budget'),
    threePublicVehicleActual: threePublicVehicle(threePublic, 'actual'),
  };
  return { ...amounts, ...priorYearAmounts(dataset.priorYear, amounts) };
}

/** Every share and rate, from the amounts (half-up to 2 decimals; null for a zero denominator). */
function percentFigures(
  dataset: Dataset,
  a: Amounts,
  threePublic: readonly ThreePublicItemFigures[],
  staffing: StaffingFigures | null,
): Record<PercentFigureKey, Percent | null> {
  const basicLines = a.personnel.value + a.publicUse.value;
  const share = (keys: readonly string[]): Percent | null =>
    ratio(sumOf(threePublic.filter((t) => keys.includes(t.key)).map((t) => t.actual)).value, a.threePublicActual.value);
  const publicUseBudget = dataset.basicExpenditure?.publicUseBudget;
  const procurement = dataset.management;
  return {
    incomeBasicShare: ratio(a.incomeBasic.value, a.incomeTotal.value),
    incomeProjectShare: ratio(a.incomeProject.value, a.incomeTotal.value),
    expenditureBasicShare: ratio(a.expenditureBasic.value, a.expenditureTotal.value),
    expenditureProjectShare: ratio(a.expenditureProject.value, a.expenditureTotal.value),
    personnelShare: ratio(a.personnel.value, basicLines),
    publicUseShare: ratio(a.publicUse.value, basicLines),
    executionRate: ratio(a.expenditureTotal.value, a.fullYearBudgetTotal.value),
    executionRateYearStart: ratio(a.expenditureTotal.value, a.yearStartBudgetTotal.value),
    basicExecutionRate: ratio(a.expenditureBasic.value, a.basicFullYearBudget.value),
    projectExecutionRate: ratio(a.expenditureProject.value, a.projectYearStartBudget.value),
    projectExecutionRateFullYear: ratio(a.expenditureProject.value, a.projectFullYearBudget.value),
    threePublicExecutionRate: ratio(a.threePublicActual.value, a.threePublicBudget.value),
    overseasTravelShare: share(['overseasTravel']),
    vehicleShare: share(['vehiclePurchase', 'vehicleOperation']),
    receptionShare: share(['reception']),
    budgetCompletionRate: ratio(a.expenditureTotal.value, a.availableBudgetTotal.value),
    budgetAdjustmentRate: ratio(a.supplementaryTotal.value, a.yearStartBudgetTotal.value),
    carryForwardRate: ratio(a.carriedForwardTotal.value, a.availableBudgetTotal.value),
    publicUseControlRate: publicUseBudget === undefined ? null : ratio(a.publicUse.value, publicUseBudget),
    procurementExecutionRate:
      procurement?.procurementActual === undefined || procurement.procurementBudget === undefined
        ? null
        : ratio(procurement.procurementActual, procurement.procurementBudget),
    inPostControlRate: staffing?.inPostControlRate ?? null,
    ...priorYearPercents(dataset.priorYear, a),
  };
}

function staffingFigures(dataset: Dataset): StaffingFigures | null {
  const staffing = dataset.department.staffing;
  if (staffing === undefined) return null;
  const authorizedTotal = staffing.authorizedPosts.reduce((n, p) => n + p.count, 0);
  return {
    authorizedTotal,
    inPost: staffing.inPost,
    inPostControlRate: ratio(BigInt(staffing.inPost), BigInt(authorizedTotal)),
  };
}

/** Derives every figure of the report from the raw facts of `dataset`. */
export function computeFigures(dataset: Dataset, options: ComputeOptions = {}): Figures {
  const projects = dataset.projects.map(computeProject);
  const threePublic = computeThreePublic(dataset.basicExpenditure?.threePublic);
  const amounts = amountFigures(dataset, projects, threePublic);
  const staffing = staffingFigures(dataset);
  const progress = dataset.paymentProgress;
  return {
    amounts,
    percents: percentFigures(dataset, amounts, threePublic, staffing),
    projects,
    threePublic,
    paymentProgress:
      progress === undefined
        ? null
        : computePaymentProgress(progress, paymentBase(dataset, amounts), options.schedule ?? linearSchedule),
    staffing,
    incomeLessExpenditure: combine(amounts.incomeGrandTotal, amounts.expenditureTotal, -1),
    unavailable: unavailableFigures(dataset),
  };
}
