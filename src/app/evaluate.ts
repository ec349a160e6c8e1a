import { runChecks } from '../domain/checks/run-checks.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { computeFigures, type Figures } from '../domain/figures/compute.js';
import { sortFindings, type Finding } from '../domain/findings/finding.js';
import { packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import type { RulePack } from '../domain/scoring/rule-pack.js';
import { selfEvaluate, type SelfEvaluation } from '../domain/self-evaluation-table/self-evaluate.js';

/**
 * A dataset evaluated as `jixiao check` does: under its rule pack through `selfEvaluate` (figures under the pack's
 * payment schedule; findings = data checks + scoring findings + stale problem reviews). A dataset naming a pack
 * that does not exist gets its data checks and a RULE_PACK_UNKNOWN error, like the CLI.
 */
export type Evaluated =
  | { ok: true; pack: RulePack; evaluation: SelfEvaluation; figures: Figures; findings: Finding[] }
  | { ok: false; rulePack: string; figures: Figures; findings: Finding[] };

export function evaluateDataset(dataset: Dataset): Evaluated {
  const pack = packForDataset(dataset.rulePack);
  if (pack !== null) {
    const evaluation = selfEvaluate(dataset, pack);
    return { ok: true, pack, evaluation, figures: evaluation.figures, findings: evaluation.findings };
  }
  const rulePack = dataset.rulePack ?? '';
  const figures = computeFigures(dataset);
  const unknown: Finding = {
    severity: 'error',
    code: 'RULE_PACK_UNKNOWN',
    message: `未知的评分规则包：${rulePack}`,
    path: ['rulePack'],
  };
  return { ok: false, rulePack, figures, findings: sortFindings([unknown, ...runChecks(dataset, figures)]) };
}
