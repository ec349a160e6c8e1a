// Source: standards.md §2: 三公经费 — each item's actual must stay within its budget.
import { ratio } from '../money/index.js';
import { amtFigure, amtText, pctFigure, pctText, type ProblemDraft, type ProblemContext } from './problem.js';

export function detectThreePublicOverBudget({ dataset, figures }: ProblemContext): ProblemDraft[] {
  const unit = dataset.unit;
  return figures.threePublic
    .filter((t) => t.overBudget > 0n)
    .map((t) => {
      const rate = ratio(t.actual, t.budget);
      const rateText = rate === null ? '' : `，执行率${pctText(rate)}`;
      return {
        code: 'THREE_PUBLIC_OVER_BUDGET',
        message: `“三公”经费中${t.label}预算${amtText(t.budget, unit)}，实际支出${amtText(t.actual, unit)}，超出预算${amtText(t.overBudget, unit)}${rateText}。`,
        figures: {
          budget: amtFigure(t.budget, unit),
          actual: amtFigure(t.actual, unit),
          overBudget: amtFigure(t.overBudget, unit),
          ...(rate === null ? {} : { rate: pctFigure(rate) }),
        },
        path: ['basicExpenditure', 'threePublic', t.key],
      } satisfies ProblemDraft;
    });
}
