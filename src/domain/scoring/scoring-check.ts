import type { Dataset } from '../dataset/schema.js';
import type { Finding } from '../findings/finding.js';
import { selfEvaluate } from '../self-evaluation-table/self-evaluate.js';
import type { RulePack } from './rule-pack.js';

/** Every finding of a dataset under `pack`: data checks, scoring findings and stale problem reviews. */
export function allFindings(dataset: Dataset, pack: RulePack): Finding[] {
  return selfEvaluate(dataset, pack).findings;
}
