import { analysisOf } from './analysis-cache.js';
import { conflict, ok, type AppContext, type AppResult } from './context.js';
import { loadRevision } from './revision-content.js';
import type { Analysis } from './revision-evaluation.js';

/** Which revision to analyse: the latest unless a number is given. */
export type RevisionRef = { datasetId: number; revisionNo?: number };

/**
 * Every answer here comes from one `selfEvaluate(dataset, pack)` (through `evaluateDataset`, in the worker pool,
 * cached per revision: `analysis-cache.ts`), so figures, findings, score and problems agree with each other, with
 * `jixiao check` and with the report.
 */
async function analysed(ctx: AppContext, ref: RevisionRef): Promise<AppResult<Analysis>> {
  const revision = await loadRevision(ctx, ref.datasetId, ref.revisionNo);
  return revision.ok ? analysisOf(ctx, revision.value) : revision;
}

const unknownPack = (name: string) => conflict(`规则包不存在：${name}`);

/** 派生数: every computed figure (under the pack's payment schedule), amounts as 2-decimal strings. */
export async function datasetFigures(ctx: AppContext, ref: RevisionRef) {
  const a = await analysed(ctx, ref);
  return a.ok ? ok(a.value.figures) : a;
}

/** 审核发现: the same findings as `jixiao check` (data checks, scoring, stale reviews), errors first, with counts. */
export async function datasetFindings(ctx: AppContext, ref: RevisionRef) {
  const a = await analysed(ctx, ref);
  return a.ok ? ok(a.value.findings) : a;
}

/** 自评得分 under the dataset's rule pack (national when it names none). */
export async function datasetScore(ctx: AppContext, ref: RevisionRef) {
  const a = await analysed(ctx, ref);
  if (!a.ok) return a;
  return a.value.score === null ? unknownPack(a.value.rulePack) : ok(a.value.score);
}

/** 存在的问题: problems found in the figures, with the pack's thresholds, as a list. */
export async function datasetProblems(ctx: AppContext, ref: RevisionRef): Promise<AppResult<unknown>> {
  const a = await analysed(ctx, ref);
  if (!a.ok) return a;
  return a.value.problems === null ? unknownPack(a.value.rulePack) : ok(a.value.problems);
}
