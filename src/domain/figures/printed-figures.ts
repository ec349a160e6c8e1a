import { compareAmount, comparePercent } from './compare.js';
import type { Dataset } from '../dataset/schema.js';
import type { AmountFigureKey, PercentFigureKey } from './catalog.js';
import type { Figures } from './compute.js';
import { statedBasisRate } from './projects.js';
import { parsePercent, type Fen, type Percent } from '../money/index.js';

/**
 * 报告所印数字: which value a sentence or table total prints.
 *
 * Rule: the computed figure, except where the dataset's `declared` block states the figure and the two differ
 * only by a rounding difference (the checks report it as `info`): then the declared figure is printed, because it
 * is what the department certified (the seed's 支出决算数 840.74 against 596.04 + 244.71 = 840.75; 人员经费 549.67;
 * the basic-expenditure table's 合计 596.04). A real mismatch (an `error` finding) prints the computed figure,
 * and the check lists the difference. So a report never prints a number that its data contradicts beyond rounding.
 */
export type PrintedFigures = {
  amount: (key: AmountFigureKey) => Fen;
  percent: (key: PercentFigureKey) => Percent | null;
  /** A project's 执行率（年初预算口径）, by the same rule against the project's declared rate. */
  projectRate: (index: number) => Percent | null;
};

function declaredPercent(text: string | undefined): Percent | null {
  if (text === undefined) return null;
  const parsed = parsePercent(text);
  return parsed.ok ? parsed.percent : null;
}

/** Prefers `stated` only when it is within rounding of `computed`. */
function choosePercent(computed: Percent | null, stated: Percent | null): Percent | null {
  if (computed === null || stated === null) return computed;
  return comparePercent(computed, stated).severity === 'info' ? stated : computed;
}

export function printedFigures(dataset: Dataset, figures: Figures): PrintedFigures {
  const declared = dataset.declared;
  return {
    amount: (key) => {
      const computed = figures.amounts[key];
      const stated = declared[key];
      if (stated === undefined) return computed.value;
      return compareAmount(computed, stated, dataset.unit).severity === 'info' ? stated : computed.value;
    },
    percent: (key) => choosePercent(figures.percents[key], declaredPercent(declared[key])),
    projectRate: (index) => {
      const project = figures.projects[index];
      const computed = project === undefined ? null : statedBasisRate(project).rate;
      return choosePercent(computed, declaredPercent(dataset.projects[index]?.declared?.executionRate));
    },
  };
}
