import type { Dataset } from '../dataset/schema.js';
import { computeFigures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';
import type { RulePack } from './rule-pack.js';
import { scoreDataset } from './score-dataset.js';

/** The scoring findings of a dataset under `pack`, for `jixiao check` (weights, reasons, declared scores…). */
export function scoringFindingsFor(dataset: Dataset, pack: RulePack): Finding[] {
  return scoreDataset(dataset, pack, computeFigures(dataset)).findings;
}
