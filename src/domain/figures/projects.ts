import { ratio, sumFen, ZERO_FEN, type Fen, type Percent } from '../money/index.js';
import type { Project } from '../dataset/schema.js';

/** Figures of one project (专项). */
export type ProjectFigures = {
  index: number;
  name: string;
  yearStartBudget: Fen;
  /** 追加预算: Σ supplementary appropriations. */
  supplementary: Fen;
  /** 全年预算 = 年初预算 + 追加. */
  fullYearBudget: Fen;
  actual: Fen;
  returnedToTreasury: Fen;
  carriedForward: Fen;
  /** 执行率（年初预算口径）= actual ÷ year-start budget, as the seed states it; null when there is no year-start budget. */
  executionRateYearStart: Percent | null;
  /** 执行率（全年预算口径）= actual ÷ full-year budget (national forms); null when the full-year budget is zero. */
  executionRate: Percent | null;
  /** 未支出 = full-year budget − actual. */
  unspent: Fen;
  /** full-year budget − (actual + returned + carried forward); zero when the project identity holds. */
  identityGap: Fen;
  isNew: boolean;
  isSupplementaryOnly: boolean;
};

/**
 * The rate a report states for a project: actual ÷ year-start budget, as the seed does; for a project with no
 * year-start budget (funded only by supplementary appropriations), actual ÷ full-year budget.
 */
export function statedBasisRate(p: ProjectFigures): { rate: Percent | null; basisLabel: '年初预算' | '全年预算' } {
  return p.executionRateYearStart !== null
    ? { rate: p.executionRateYearStart, basisLabel: '年初预算' }
    : { rate: p.executionRate, basisLabel: '全年预算' };
}

export function computeProject(project: Project, index: number): ProjectFigures {
  const supplementary = sumFen(project.supplementaryAppropriations.map((a) => a.amount));
  const fullYearBudget = (project.yearStartBudget + supplementary) as Fen;
  const returnedToTreasury = project.returnedToTreasury ?? ZERO_FEN;
  const carriedForward = project.carriedForward ?? ZERO_FEN;
  return {
    index,
    name: project.name,
    yearStartBudget: project.yearStartBudget,
    supplementary,
    fullYearBudget,
    actual: project.actual,
    returnedToTreasury,
    carriedForward,
    executionRateYearStart: ratio(project.actual, project.yearStartBudget),
    executionRate: ratio(project.actual, fullYearBudget),
    unspent: (fullYearBudget - project.actual) as Fen,
    identityGap: (fullYearBudget - project.actual - returnedToTreasury - carriedForward) as Fen,
    isNew: project.isNew,
    isSupplementaryOnly: project.yearStartBudget === 0n && supplementary !== 0n,
  };
}
