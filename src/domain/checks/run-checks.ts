import type { Dataset } from '../dataset/schema.js';
import { computeFigures, type Figures } from '../figures/compute.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import {
  checkNegativeAmounts,
  checkRequiredSections,
  checkSharePairs,
  checkThreePublic,
  checkYearEndBalance,
} from './basic-checks.js';
import type { Check } from './context.js';
import { checkDeclaredFigures } from './declared-figures.js';
import { checkAdjustmentReasons, checkKindRequirements, checkOverExecution } from './kind-checks.js';
import { checkEconomicCodes, checkLinesAgainstActual } from './line-checks.js';
import { checkProjectDeclaredRates, checkProjectIdentity } from './project-checks.js';
import { checkProseToRewrite } from './prose-checks.js';

/** The checks in display order (existence → accuracy → completeness). */
export const CHECKS: readonly Check[] = [
  checkKindRequirements,
  checkNegativeAmounts,
  checkEconomicCodes,
  checkDeclaredFigures,
  checkProjectDeclaredRates,
  checkLinesAgainstActual,
  checkProjectIdentity,
  checkYearEndBalance,
  checkSharePairs,
  checkThreePublic,
  checkOverExecution,
  checkAdjustmentReasons,
  checkRequiredSections,
  checkProseToRewrite,
];

/** Runs every check; errors first. */
export function runChecks(dataset: Dataset, figures: Figures = computeFigures(dataset)): Finding[] {
  return sortFindings(CHECKS.flatMap((check) => check({ dataset, figures })));
}
