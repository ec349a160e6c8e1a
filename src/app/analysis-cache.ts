import type { Store } from '../store/connect.js';
import type { Revision } from '../store/revisions-repo.js';
import type { AppContext, AppResult } from './context.js';
import { ok } from './context.js';
import { runHeavy } from './heavy/run-heavy.js';
import { LruCache } from './lru-cache.js';
import { cacheOverview } from './overview.js';
import type { Analysis } from './revision-evaluation.js';

/**
 * How many revisions' answers a store keeps (figures, findings, score and problems: ~20–60 KB each). Enough for
 * the datasets being edited and reviewed at once; a miss costs one evaluation in the worker pool.
 */
export const ANALYSIS_CACHE_CAPACITY = 500;

/**
 * Answers per store, keyed `datasetId/revisionNo`. Never stale for the same reason as the overview's rows: a
 * revision is immutable and its answers are a pure function of its document text under the built-in packs.
 */
type Cache = { entries: LruCache<string, Analysis>; computing: Map<string, Promise<AppResult<Analysis>>> };
const caches = new WeakMap<Store, Cache>();

function cacheOf(store: Store): Cache {
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = { entries: new LruCache(ANALYSIS_CACHE_CAPACITY), computing: new Map() };
    caches.set(store, cache);
  }
  return cache;
}

const keyOf = (datasetId: number, revisionNo: number) => `${datasetId}/${revisionNo}`;

/** Keeps the answers of a revision just written (the save's worker computed them), so its first read is free. */
export function cacheAnalysis(ctx: AppContext, datasetId: number, revisionNo: number, analysis: Analysis): void {
  cacheOf(ctx.store).entries.set(keyOf(datasetId, revisionNo), analysis);
}

/**
 * A revision's answers: cached, or evaluated in the worker pool (inline without one) and cached with its overview
 * row. Concurrent requests for the same revision share one evaluation.
 */
export function analysisOf(ctx: AppContext, revision: Revision): Promise<AppResult<Analysis>> {
  const cache = cacheOf(ctx.store);
  const key = keyOf(revision.datasetId, revision.revisionNo);
  const cached = cache.entries.get(key);
  if (cached !== undefined) return Promise.resolve(ok(cached));
  let computing = cache.computing.get(key);
  if (computing === undefined) {
    computing = evaluate(ctx, revision, cache.entries, key);
    cache.computing.set(key, computing);
    void computing.finally(() => cache.computing.delete(key)).catch(() => undefined);
  }
  return computing;
}

async function evaluate(
  ctx: AppContext,
  revision: Revision,
  entries: LruCache<string, Analysis>,
  key: string,
): Promise<AppResult<Analysis>> {
  const task = { kind: 'analyse', document: revision.document, revisionNo: revision.revisionNo } as const;
  const done = await runHeavy(ctx, task, '数据计算');
  if (!done.ok) return done;
  const { result } = done;
  // Stored documents were validated on the way in, so one that does not parse is a bug (500), as before.
  if (result.kind === 'refused') throw new Error(result.message);
  if (result.kind !== 'analysis') throw new Error(`unexpected heavy result ${result.kind}`);
  entries.set(key, result.analysis);
  cacheOverview(ctx, revision.datasetId, revision.revisionNo, result.overview);
  return ok(result.analysis);
}
