import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { figuresToJson, type FiguresJson } from '../domain/figures/to-json.js';
import { countBySeverity } from '../domain/findings/finding.js';
import { datasetToDocument, type DatasetDocument } from '../ingest/dataset-json.js';
import type { RevisionDraft } from '../store/append-revision.js';
import { invalid, ok, type AppResult, type WireFinding } from './context.js';
import { changeSummary, diffDocuments } from './diff.js';
import { evaluateDataset } from './evaluate.js';
import { overviewOfDataset, type RevisionOverview } from './overview-evaluate.js';
import { datasetScoreToWire } from './score-wire.js';
import { findingToWire } from './wire.js';

/**
 * The parse and the evaluation behind reads and saves, as pure functions of plain data: the server runs them in its
 * worker pool (`src/app/heavy`), so a dataset's 20–50 ms of zod and `selfEvaluate` never hold up the HTTP loop.
 */

/** Validates a submitted document with the same schema as the CLI; findings carry `prefix` before their path. */
export function validateDocument(raw: unknown, prefix: readonly (string | number)[] = []): AppResult<Dataset> {
  const parsed = parseDataset(raw);
  if (parsed.ok) return ok(parsed.dataset);
  const findings = parsed.errors.map((e) => findingToWire({ ...e, path: [...prefix, ...e.path] }));
  return invalid(`数据集有 ${findings.length} 处错误，未保存`, findings);
}

/**
 * Every answer the analysis routes give for one revision, from one `selfEvaluate` (through `evaluateDataset`), so
 * figures, findings, score and problems agree. `score` and `problems` are null under a rule pack that does not exist.
 */
export type Analysis = {
  figures: FiguresJson;
  findings: { counts: Record<'error' | 'warning' | 'info', number>; findings: WireFinding[] };
  score: ReturnType<typeof datasetScoreToWire> | null;
  problems: unknown[] | null;
  rulePack: string;
};

/** A dataset's answers and its overview row, evaluated once. */
export function analyseDataset(
  dataset: Dataset,
  revisionNo: number,
): { analysis: Analysis; overview: RevisionOverview } {
  const { analysis, overview } = analyse(dataset, revisionNo);
  return { analysis, overview };
}

function analyse(dataset: Dataset, revisionNo: number) {
  const result = evaluateDataset(dataset);
  const findings = result.findings;
  const analysis: Analysis = {
    figures: figuresToJson(result.figures, dataset.unit),
    findings: { counts: countBySeverity(findings), findings: findings.map((f) => findingToWire(f)) },
    score: result.ok ? datasetScoreToWire(dataset, result.evaluation) : null,
    // `text` is the drafted sentence under the name the report model uses for it.
    problems: result.ok ? result.evaluation.problems.map((p) => ({ ...p, text: p.message })) : null,
    rulePack: result.ok ? (dataset.rulePack ?? '') : result.rulePack,
  };
  const overview = overviewOfDataset(dataset, revisionNo, result.ok ? result.evaluation : undefined);
  return { result, analysis, overview };
}

/** A stored revision's document text analysed; null when it does not parse (stored documents were validated). */
export function analyseDocument(text: string, revisionNo: number) {
  const parsed = parseDataset(JSON.parse(text));
  return parsed.ok ? analyseDataset(parsed.dataset, revisionNo) : null;
}

/** What a save takes from the worker: the dataset and everything its revision row holds but who, when and where. */
export type PreparedDraft = {
  dataset: Dataset;
  document: string;
  summary: string;
  changeCount: number;
  figures: RevisionDraft['figures'];
  analysis: Analysis;
  /** The overview row of the revision to be written (its number is not known yet: set when cached). */
  overview: RevisionOverview;
};

/** A save's input: the raw body document (validated here) or a dataset a reader already produced (an import). */
export type DraftInput = { raw: unknown } | { dataset: Dataset };

/**
 * The revision row of a dataset (document text, key figures and finding counts, all from `selfEvaluate` under the
 * dataset's pack, so a revision's error count is `jixiao check`'s), its changes against `previous` (the latest
 * revision's document text, null for a first revision), and its answers.
 */
export function prepareDraft(input: DraftInput, previous: string | null): AppResult<PreparedDraft> {
  const valid = 'raw' in input ? validateDocument(input.raw, ['document']) : ok(input.dataset);
  if (!valid.ok) return valid;
  const dataset = valid.value;
  const document = datasetToDocument(dataset);
  const text = JSON.stringify(document);
  // The revision row's figures as before (from the dataset as submitted); the answers and the overview row as a
  // later read computes them (from the stored text), so a cached answer is the one a cache miss would give.
  // Numbered 0 until written: the caller caches the row only when it has figures (a failure names its revision).
  const result = evaluateDataset(dataset);
  const stored = analyseDocument(text, 0) ?? analyse(dataset, 0);
  const changes = previous === null ? [] : diffDocuments(JSON.parse(previous) as DatasetDocument, document);
  const counts = countBySeverity(result.findings);
  return ok({
    dataset,
    document: text,
    summary: previous === null ? '创建' : changeSummary(changes),
    changeCount: changes.length,
    figures: {
      yearStartBudgetTotal: result.figures.amounts.yearStartBudgetTotal.value,
      fullYearBudgetTotal: result.figures.amounts.fullYearBudgetTotal.value,
      incomeTotal: result.figures.amounts.incomeTotal.value,
      expenditureTotal: result.figures.amounts.expenditureTotal.value,
      executionRate: result.figures.percents.executionRate,
      errorCount: counts.error,
      warningCount: counts.warning,
    },
    analysis: stored.analysis,
    overview: stored.overview,
  });
}
