import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import { problemRulesSchema } from '../scoring/rule-pack.js';
import { detectLargeBalances, detectLateSupplementary, detectReturnedToTreasury } from './balance-problems.js';
import { detectLowExecution } from './execution-problems.js';
import { detectPaymentLags } from './payment-problems.js';
import { problemKey, type Problem, type ProblemDetector, type ProblemOptions } from './problem.js';
import { detectOverExecution } from './over-execution-problems.js';
import { detectThreePublicOverBudget } from './three-public-problems.js';

/** The detectors in the order a reviewer writes section 四: execution, payment progress, balances, 三公. */
export const PROBLEM_DETECTORS: readonly ProblemDetector[] = [
  detectLowExecution,
  detectPaymentLags,
  detectLateSupplementary,
  detectLargeBalances,
  detectReturnedToTreasury,
  detectOverExecution,
  detectThreePublicOverBudget,
];

/** Default options: 90 % threshold, both bases, linear 序时进度, balances ≥ 10 万元 and ≥ 10 %, December is late. */
export const DEFAULT_PROBLEM_OPTIONS: ProblemOptions = problemRulesSchema.parse({});

/**
 * 问题识别: finds what a reviewer would write in section 四 (存在的问题) from the figures, each problem with its
 * figures and a drafted Chinese sentence. Pass a rule pack's `problems` block as `options` to use its thresholds
 * and payment checkpoints.
 */
export function detectProblems(
  dataset: Dataset,
  figures: Figures,
  options: ProblemOptions = DEFAULT_PROBLEM_OPTIONS,
): Problem[] {
  return PROBLEM_DETECTORS.flatMap((detect) => detect({ dataset, figures, options })).map((draft) => ({
    key: problemKey(draft),
    ...draft,
  }));
}
