import { countBySeverity } from '../domain/findings/finding.js';
import { figuresToJson } from '../domain/figures/to-json.js';
import { conflict, ok, type AppContext, type AppResult } from './context.js';
import { evaluateDataset } from './evaluate.js';
import { loadDataset } from './revision-content.js';
import { scoreToWire } from './score-wire.js';
import { findingToWire } from './wire.js';

/** Which revision to analyse: the latest unless a number is given. */
export type RevisionRef = { datasetId: number; revisionNo?: number };

/**
 * Every answer here comes from one `selfEvaluate(dataset, pack)` (through `evaluateDataset`), so figures,
 * findings, score and problems agree with each other, with `jixiao check` and with the report.
 */
async function evaluated(ctx: AppContext, ref: RevisionRef) {
  const dataset = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  return dataset.ok ? ok({ dataset: dataset.value, result: evaluateDataset(dataset.value) }) : dataset;
}

const unknownPack = (name: string) => conflict(`规则包不存在：${name}`);

/** 派生数: every computed figure (under the pack's payment schedule), amounts as 2-decimal strings. */
export async function datasetFigures(ctx: AppContext, ref: RevisionRef) {
  const e = await evaluated(ctx, ref);
  return e.ok ? ok(figuresToJson(e.value.result.figures, e.value.dataset.unit)) : e;
}

/** 审核发现: the same findings as `jixiao check` (data checks, scoring, stale reviews), errors first, with counts. */
export async function datasetFindings(ctx: AppContext, ref: RevisionRef) {
  const e = await evaluated(ctx, ref);
  if (!e.ok) return e;
  const findings = e.value.result.findings;
  return ok({ counts: countBySeverity(findings), findings: findings.map((f) => findingToWire(f)) });
}

/** 自评得分 under the dataset's rule pack (national when it names none). */
export async function datasetScore(ctx: AppContext, ref: RevisionRef) {
  const e = await evaluated(ctx, ref);
  if (!e.ok) return e;
  const { result, dataset } = e.value;
  return result.ok ? ok(scoreToWire(result.evaluation.score, dataset.unit)) : unknownPack(result.rulePack);
}

/** 存在的问题: problems found in the figures, with the pack's thresholds, as a list. */
export async function datasetProblems(ctx: AppContext, ref: RevisionRef): Promise<AppResult<unknown>> {
  const e = await evaluated(ctx, ref);
  if (!e.ok) return e;
  const { result } = e.value;
  if (!result.ok) return unknownPack(result.rulePack);
  // `text` is the drafted sentence under the name the report model uses for it.
  return ok(result.evaluation.problems.map((p) => ({ ...p, text: p.message })));
}
