import type { Dataset } from '../dataset/schema.js';
import type { Finding } from '../findings/finding.js';
import type { RulePack } from './rule-pack.js';
import { staleReviewFindings } from '../problems/problem-reviews.js';
import { selfEvaluate } from '../self-evaluation-table/self-evaluate.js';

/**
 * The scoring findings of a dataset under `pack`, for `jixiao check` (weights, reasons, declared scores…), plus
 * reviews of drafted problems that no longer match a problem.
 */
export function scoringFindingsFor(dataset: Dataset, pack: RulePack): Finding[] {
  const evaluation = selfEvaluate(dataset, pack);
  return [...evaluation.score.findings, ...staleReviewFindings(evaluation.problems, dataset.narrative.problemReviews)];
}
