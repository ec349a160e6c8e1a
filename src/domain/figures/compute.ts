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

/** Derives every figure of the report from the raw facts of `dataset`. */
export function computeFigures(dataset: Dataset, options: ComputeOptions = {}): Figures {
  const projects = dataset.projects.map(computeProject);
  const basic = dataset.basicExpenditure;
  const budgets = budgetFigures(dataset, projects);
  const incomeBasic = sumOf(dataset.income.sources.map((s) => s.basic));
  const incomeProject = sumOf(dataset.income.sources.map((s) => s.project));
  const incomeTotal = combine(incomeBasic, incomeProject);
  const expenditureBasic = single(basic.actual);
  const expenditureProject = sumOf(projects.map((p) => p.actual));
  const expenditureTotal = combine(expenditureBasic, expenditureProject);
  const personnel = sumOf(linesOfKind(basic.lines, 'personnel'));
  const publicUse = sumOf(linesOfKind(basic.lines, 'publicUse'));
  const projectYearEndBalance = sumOf(projects.map((p) => p.carriedForward));
  const threePublic = computeThreePublic(basic.threePublic);
  const threePublicBudget = sumOf(threePublic.map((t) => t.budget));
  const threePublicActual = sumOf(threePublic.map((t) => t.actual));

  const amounts: Record<AmountFigureKey, AmountFigure> = {
    ...budgets,
    incomeTotal,
    incomeBasic,
    incomeProject,
    expenditureTotal,
    expenditureBasic,
    expenditureProject,
    personnel,
    publicUse,
    basicLinesTotal: sumOf(basic.lines.map((l) => l.amount)),
    projectLinesTotal: sumOf((dataset.projectExpenditure?.lines ?? []).map((l) => l.amount)),
    yearEndBalance: combine(single(basic.carriedForward ?? ZERO_FEN), projectYearEndBalance),
    projectYearEndBalance,
    returnedToTreasuryTotal: sumOf(projects.map((p) => p.returnedToTreasury)),
    carriedForwardTotal: combine(single(basic.carriedForward ?? ZERO_FEN), projectYearEndBalance),
    threePublicBudget,
    threePublicActual,
  };
  const percents: Record<PercentFigureKey, Percent | null> = {
    incomeBasicShare: ratio(incomeBasic.value, incomeTotal.value),
    incomeProjectShare: ratio(incomeProject.value, incomeTotal.value),
    expenditureBasicShare: ratio(expenditureBasic.value, expenditureTotal.value),
    expenditureProjectShare: ratio(expenditureProject.value, expenditureTotal.value),
    personnelShare: ratio(personnel.value, personnel.value + publicUse.value),
    publicUseShare: ratio(publicUse.value, personnel.value + publicUse.value),
    executionRate: ratio(expenditureTotal.value, budgets.fullYearBudgetTotal.value),
    executionRateYearStart: ratio(expenditureTotal.value, budgets.yearStartBudgetTotal.value),
    basicExecutionRate: ratio(expenditureBasic.value, budgets.basicFullYearBudget.value),
    projectExecutionRate: ratio(expenditureProject.value, budgets.projectYearStartBudget.value),
    projectExecutionRateFullYear: ratio(expenditureProject.value, budgets.projectFullYearBudget.value),
    threePublicExecutionRate: ratio(threePublicActual.value, threePublicBudget.value),
  };
  const progress = dataset.paymentProgress;
  const authorizedTotal = dataset.department.staffing.authorizedPosts.reduce((n, p) => n + p.count, 0);
  return {
    amounts,
    percents,
    projects,
    threePublic,
    paymentProgress:
      progress === undefined
        ? null
        : computePaymentProgress(progress, paymentBase(dataset, amounts), options.schedule ?? linearSchedule),
    staffing: {
      authorizedTotal,
      inPost: dataset.department.staffing.inPost,
      inPostControlRate: ratio(BigInt(dataset.department.staffing.inPost), BigInt(authorizedTotal)),
    },
    incomeLessExpenditure: combine(incomeTotal, expenditureTotal, -1),
  };
}
