import { runChecks } from '../../../src/domain/checks/run-checks.js';
import { incrementalDatasetParser } from '../../../src/domain/dataset/parse-incremental.js';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import { computeFigures, type Figures } from '../../../src/domain/figures/compute.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import { sortFindings, type Finding } from '../../../src/domain/findings/finding.js';
import { packForDataset } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../../../src/domain/self-evaluation-table/self-evaluate.js';

/**
 * 实时计算: the domain core run in the browser on the document being edited — the same `selfEvaluate` under the
 * dataset's rule pack as `jixiao check`, the API and the overview (src/app/evaluate.ts), so the editor's findings
 * and their counts are theirs exactly, and a figure on screen never needs a round trip.
 */
export type Analysis =
  | { ok: true; dataset: Dataset; figures: Figures; findings: Finding[]; forms: FormEvaluation[] }
  | { ok: false; findings: Finding[] };

/**
 * Parses as `parseDataset` does, keeping what the fields an edit did not touch parsed to (the editor's document is
 * changed immutably, a field at a time): the parse and the indicators' scores of a keystroke are those of the field
 * it changed.
 */
const parseDataset = incrementalDatasetParser();

export function analyse(document: unknown): Analysis {
  const parsed = parseDataset(document);
  if (!parsed.ok) return { ok: false, findings: sortFindings(parsed.errors) };
  const dataset = parsed.dataset;
  const pack = packForDataset(dataset.rulePack);
  if (pack !== null) {
    const evaluation = selfEvaluate(dataset, pack);
    return { ok: true, dataset, figures: evaluation.figures, findings: evaluation.findings, forms: evaluation.forms };
  }
  // As the server does for a pack it does not know: the data checks, and one error naming the pack.
  const figures = computeFigures(dataset);
  const unknown: Finding = {
    severity: 'error',
    code: 'RULE_PACK_UNKNOWN',
    message: `未知的评分规则包：${dataset.rulePack ?? ''}`,
    path: ['rulePack'],
  };
  return { ok: true, dataset, figures, findings: sortFindings([unknown, ...runChecks(dataset, figures)]), forms: [] };
}
