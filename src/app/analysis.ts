import { countBySeverity } from '../domain/findings/finding.js';
import { runChecks } from '../domain/checks/run-checks.js';
import { computeFigures } from '../domain/figures/compute.js';
import { figuresToJson } from '../domain/figures/to-json.js';
import { detectProblems } from '../domain/problems/detect-problems.js';
import { packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import { scoreDataset } from '../domain/scoring/score-dataset.js';
import { conflict, ok, type AppContext, type AppResult } from './context.js';
import { loadDataset } from './revision-content.js';
import { scoreToWire } from './score-wire.js';
import { findingToWire } from './wire.js';

/** Which revision to analyse: the latest unless a number is given. */
export type RevisionRef = { datasetId: number; revisionNo?: number };

/** 派生数: every computed figure, amounts as 2-decimal strings in the dataset's unit. */
export async function datasetFigures(ctx: AppContext, ref: RevisionRef) {
  const dataset = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  return dataset.ok ? ok(figuresToJson(computeFigures(dataset.value), dataset.value.unit)) : dataset;
}

/** 审核发现: the checks' findings, errors first, with counts. */
export async function datasetFindings(ctx: AppContext, ref: RevisionRef) {
  const dataset = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  if (!dataset.ok) return dataset;
  const findings = runChecks(dataset.value);
  return ok({ counts: countBySeverity(findings), findings: findings.map((f) => findingToWire(f)) });
}

/** 自评得分 under the dataset's rule pack (national when it names none). */
export async function datasetScore(ctx: AppContext, ref: RevisionRef) {
  const dataset = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  if (!dataset.ok) return dataset;
  const pack = packForDataset(dataset.value.rulePack);
  if (pack === null) return conflict(`规则包不存在：${dataset.value.rulePack ?? ''}`);
  return ok(scoreToWire(scoreDataset(dataset.value, pack), dataset.value.unit));
}

/** 存在的问题: problems found in the figures, with the pack's thresholds, as a list. */
export async function datasetProblems(ctx: AppContext, ref: RevisionRef): Promise<AppResult<unknown>> {
  const dataset = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  if (!dataset.ok) return dataset;
  const pack = packForDataset(dataset.value.rulePack);
  if (pack === null) return conflict(`规则包不存在：${dataset.value.rulePack ?? ''}`);
  const problems = detectProblems(dataset.value, computeFigures(dataset.value), pack.problems);
  // `text` is the drafted sentence under the name the report model uses for it.
  return ok(problems.map((p) => ({ ...p, text: p.message })));
}
