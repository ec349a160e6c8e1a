import { ratio, ZERO_FEN, type Fen, type Percent } from '../money/index.js';
import { economicClassOf } from '../reference/economic-classification.js';
import type { Dataset, ExpenditureLine } from '../dataset/schema.js';
import { combine, single, sumOf, type AmountFigure } from './amount-figure.js';
import type { AmountFigureKey, PercentFigureKey } from './catalog.js';
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
  staffing: StaffingFigures;
  /** 实际收入 − 支出决算: what the year-end balance should equal. */
  incomeLessExpenditure: AmountFigure;
};

export type StaffingFigures = {
  /** 总编制数. */
  authorizedTotal: number;
  inPost: number;
  /** 在职人员控制率 = in-post ÷ authorized. */
  inPostControlRate: Percent | null;
};

export type ComputeOptions = { schedule?: Schedule };

function linesOfKind(lines: readonly ExpenditureLine[], kind: 'personnel' | 'publicUse'): Fen[] {
  return lines.filter((l) => (economicClassOf(l.code)?.kind ?? 'publicUse') === kind).map((l) => l.amount);
}

function budgetFigures(dataset: Dataset, projects: readonly ProjectFigures[]) {
  const basicAdjustments = dataset.income.adjustments.filter((a) => a.part === 'basic').map((a) => a.amount);
  const projectAdjustments = dataset.income.adjustments.filter((a) => a.part === 'project').map((a) => a.amount);
  const basicYearStartBudget = single(dataset.basicExpenditure.yearStartBudget);
  const projectYearStartBudget = sumOf(projects.map((p) => p.yearStartBudget));
  const supplementaryTotal = sumOf([
    ...projects.map((p) => p.supplementary),
    ...basicAdjustments,
    ...projectAdjustments,
  ]);
  const basicFullYearBudget = combine(basicYearStartBudget, sumOf(basicAdjustments));
  const projectFullYearBudget = combine(sumOf(projects.map((p) => p.fullYearBudget)), sumOf(projectAdjustments));
  return {
    basicYearStartBudget,
    projectYearStartBudget,
    yearStartBudgetTotal: combine(basicYearStartBudget, projectYearStartBudget),
    supplementaryTotal,
    basicFullYearBudget,
    projectFullYearBudget,
    fullYearBudgetTotal: combine(basicFullYearBudget, projectFullYearBudget),
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

/** Every department-level amount: budgets, income, expenditure, lines, balances, 三公. */
function amountFigures(
  dataset: Dataset,
  projects: readonly ProjectFigures[],
  threePublic: readonly ThreePublicItemFigures[],
): Amounts {
  const basic = dataset.basicExpenditure;
  const incomeBasic = sumOf(dataset.income.sources.map((s) => s.basic));
  const incomeProject = sumOf(dataset.income.sources.map((s) => s.project));
  const expenditureBasic = single(basic.actual);
  const expenditureProject = sumOf(projects.map((p) => p.actual));
  const projectYearEndBalance = sumOf(projects.map((p) => p.carriedForward));
  const yearEndBalance = combine(single(basic.carriedForward ?? ZERO_FEN), projectYearEndBalance);
  return {
    ...budgetFigures(dataset, projects),
    incomeTotal: combine(incomeBasic, incomeProject),
    incomeBasic,
    incomeProject,
    expenditureTotal: combine(expenditureBasic, expenditureProject),
    expenditureBasic,
    expenditureProject,
    personnel: sumOf(linesOfKind(basic.lines, 'personnel')),
    publicUse: sumOf(linesOfKind(basic.lines, 'publicUse')),
    basicLinesTotal: sumOf(basic.lines.map((l) => l.amount)),
    projectLinesTotal: sumOf((dataset.projectExpenditure?.lines ?? []).map((l) => l.amount)),
    yearEndBalance,
    projectYearEndBalance,
    returnedToTreasuryTotal: sumOf(projects.map((p) => p.returnedToTreasury)),
    carriedForwardTotal: yearEndBalance,
    threePublicBudget: sumOf(threePublic.map((t) => t.budget)),
    threePublicActual: sumOf(threePublic.map((t) => t.actual)),
  };
}

/** Every share and rate, from the amounts (half-up to 2 decimals; null for a zero denominator). */
function percentFigures(a: Amounts): Record<PercentFigureKey, Percent | null> {
  const basicLines = a.personnel.value + a.publicUse.value;
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
  };
}

function staffingFigures(dataset: Dataset): StaffingFigures {
  const staffing = dataset.department.staffing;
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
  const threePublic = computeThreePublic(dataset.basicExpenditure.threePublic);
  const amounts = amountFigures(dataset, projects, threePublic);
  const progress = dataset.paymentProgress;
  return {
    amounts,
    percents: percentFigures(amounts),
    projects,
    threePublic,
    paymentProgress:
      progress === undefined
        ? null
        : computePaymentProgress(progress, paymentBase(dataset, amounts), options.schedule ?? linearSchedule),
    staffing: staffingFigures(dataset),
    incomeLessExpenditure: combine(amounts.incomeTotal, amounts.expenditureTotal, -1),
  };
}
