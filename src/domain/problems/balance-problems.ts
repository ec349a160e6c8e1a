// Source: standards.md §2–3 and the seed's section 四: money returned to treasury, large balances carried forward,
// and supplementary appropriations issued too late in the year to be spent (the seed's 88.91 万元 hall project).
// A supplementary appropriation counts as late when dated in options.lateSupplementaryFromMonth or later (or in a
// later year); an undated one counts as late when none of it was spent (the project's unspent ≥ the appropriation).
import { percent, ratio, sumFen, type Fen } from '../money/index.js';
import type { Project } from '../dataset/schema.js';
import type { ProjectFigures } from '../figures/projects.js';
import { amtFigure, amtText, pctFigure, pctText, type ProblemDraft, type ProblemContext } from './problem.js';

function lateAppropriations(project: Project, figures: ProjectFigures, fiscalYear: number, fromMonth: number) {
  return project.supplementaryAppropriations.filter((a) => {
    if (a.amount <= 0n) return false;
    if (a.date === undefined) return figures.unspent >= a.amount;
    const [year, month] = a.date.split('-').map(Number);
    return (year ?? 0) > fiscalYear || ((year ?? 0) === fiscalYear && (month ?? 0) >= fromMonth);
  });
}

/** Indexes of projects with a too-late supplementary appropriation that went unspent. */
export function lateSupplementaryIndexes({ dataset, figures, options }: ProblemContext): Set<number> {
  return new Set(
    figures.projects
      .filter((p) => {
        const project = dataset.projects[p.index];
        return (
          project !== undefined &&
          p.unspent > 0n &&
          lateAppropriations(project, p, dataset.fiscalYear, options.lateSupplementaryFromMonth).length > 0
        );
      })
      .map((p) => p.index),
  );
}

export function detectLateSupplementary(context: ProblemContext): ProblemDraft[] {
  const { dataset, figures, options } = context;
  const unit = dataset.unit;
  return [...lateSupplementaryIndexes(context)].flatMap((index): ProblemDraft[] => {
    const p = figures.projects[index];
    const project = dataset.projects[index];
    if (p === undefined || project === undefined) return [];
    const late = lateAppropriations(project, p, dataset.fiscalYear, options.lateSupplementaryFromMonth);
    const amount = sumFen(late.map((a) => a.amount));
    const dates = late.flatMap((a) => (a.date === undefined ? [] : [a.date]));
    const when = dates.length > 0 ? `于${dates.join('、')}` : '在年末';
    const notes = late.flatMap((a) => (a.note === undefined ? [] : [a.note]));
    const why = notes.length > 0 ? `（${notes.join('；')}）` : '';
    return [
      {
        code: 'SUPPLEMENTARY_TOO_LATE',
        message: `${p.name}追加预算${amtText(amount, unit)}${when}下达${why}，当年未能支出，结转结余${amtText(p.carriedForward, unit)}至下年。`,
        figures: {
          supplementary: amtFigure(amount, unit),
          actual: amtFigure(p.actual, unit),
          carriedForward: amtFigure(p.carriedForward, unit),
        },
        path: ['projects', index, 'supplementaryAppropriations'],
        projectIndex: index,
      },
    ];
  });
}

function isLarge(amount: Fen, base: Fen, context: ProblemContext): boolean {
  const { minAmountWanYuan, minShare } = context.options.largeBalance;
  const share = ratio(amount, base);
  return amount > 0n && amount >= minAmountWanYuan && share !== null && share >= minShare;
}

/** 结转结余 large in amount and in share of the full-year budget, for the department and for each project. */
export function detectLargeBalances(context: ProblemContext): ProblemDraft[] {
  const { dataset, figures } = context;
  const unit = dataset.unit;
  const late = lateSupplementaryIndexes(context);
  const out: ProblemDraft[] = [];
  const balance = figures.amounts.carriedForwardTotal.value;
  const budget = figures.amounts.fullYearBudgetTotal.value;
  if (isLarge(balance, budget, context)) {
    const share = ratio(balance, budget) ?? percent(0n);
    out.push({
      code: 'UNSPENT_BALANCE_LARGE',
      message: `部门年末结转结余${amtText(balance, unit)}，占全年预算${amtText(budget, unit)}的${pctText(share)}，资金沉淀较多。`,
      figures: {
        carriedForward: amtFigure(balance, unit),
        budget: amtFigure(budget, unit),
        share: pctFigure(share),
      },
      path: ['basicExpenditure', 'carriedForward'],
    });
  }
  for (const p of figures.projects) {
    if (late.has(p.index) || !isLarge(p.carriedForward, p.fullYearBudget, context)) continue;
    const share = ratio(p.carriedForward, p.fullYearBudget) ?? percent(0n);
    out.push({
      code: 'UNSPENT_BALANCE_LARGE',
      message: `${p.name}结转结余${amtText(p.carriedForward, unit)}，占该项目全年预算的${pctText(share)}，资金未能及时使用。`,
      figures: {
        carriedForward: amtFigure(p.carriedForward, unit),
        budget: amtFigure(p.fullYearBudget, unit),
        share: pctFigure(share),
      },
      path: ['projects', p.index, 'carriedForward'],
      projectIndex: p.index,
    });
  }
  return out;
}

/** 上缴财政: one problem for the department, naming each project and its amount. */
export function detectReturnedToTreasury({ dataset, figures }: ProblemContext): ProblemDraft[] {
  const unit = dataset.unit;
  const total = figures.amounts.returnedToTreasuryTotal.value;
  if (total <= 0n) return [];
  const returned = figures.projects.filter((p) => p.returnedToTreasury > 0n);
  const list = returned.map((p) => `${p.name}${amtText(p.returnedToTreasury, unit)}`).join('、');
  return [
    {
      code: 'RETURNED_TO_TREASURY',
      message: `项目资金未用完，共${amtText(total, unit)}上缴财政，其中${list}，预算编制与实际需要存在差距。`,
      figures: { returnedToTreasury: amtFigure(total, unit), projects: String(returned.length) },
      path: ['projects'],
    },
  ];
}
