// Source: issue 10 item 9: spending above the budget it executes is its own problem (超预算支出), not an identity
// error — a reviewer asks where the money came from.
import { ratio, type Fen } from '../money/index.js';
import { amtFigure, amtText, pctFigure, pctText, type ProblemContext, type ProblemDraft } from './problem.js';

export function detectOverExecution({ dataset, figures }: ProblemContext): ProblemDraft[] {
  const unit = dataset.unit;
  return figures.projects
    .filter((p) => p.fullYearBudget > 0n && p.actual > p.fullYearBudget)
    .map((p) => {
      const over = (p.actual - p.fullYearBudget) as Fen;
      const rate = ratio(p.actual, p.fullYearBudget);
      return {
        code: 'OVER_EXECUTION',
        message: `项目“${p.name}”全年预算${amtText(p.fullYearBudget, unit)}，实际支出${amtText(p.actual, unit)}，超出预算${amtText(over, unit)}${rate === null ? '' : `（执行率${pctText(rate)}）`}，超预算支出的资金来源未予说明。`,
        figures: {
          budget: amtFigure(p.fullYearBudget, unit),
          actual: amtFigure(p.actual, unit),
          overBudget: amtFigure(over, unit),
          ...(rate === null ? {} : { rate: pctFigure(rate) }),
        },
        path: ['projects', p.index, 'actual'],
        projectIndex: p.index,
      } satisfies ProblemDraft;
    });
}
