import { runChecks } from '../../../src/domain/checks/run-checks.js';
import { parseDataset } from '../../../src/domain/dataset/parse.js';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import { computeFigures, type Figures } from '../../../src/domain/figures/compute.js';
import { sortFindings, type Finding } from '../../../src/domain/findings/finding.js';

/**
 * 实时计算: the domain core run in the browser on the document being edited — the same parse, figures and
 * checks as the CLI and the API, so a figure on screen never needs a round trip and never differs from the report.
 */
export type Analysis =
  { ok: true; dataset: Dataset; figures: Figures; findings: Finding[] } | { ok: false; findings: Finding[] };

export function analyse(document: unknown): Analysis {
  const parsed = parseDataset(document);
  if (!parsed.ok) return { ok: false, findings: sortFindings(parsed.errors) };
  const figures = computeFigures(parsed.dataset);
  return { ok: true, dataset: parsed.dataset, figures, findings: runChecks(parsed.dataset, figures) };
}
