import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../store/connect.js';
import {
  findRevisionDocuments,
  listOverviewHeads,
  type OverviewFilter,
  type OverviewHead,
  type RevisionKey,
} from '../store/overview-repo.js';
import { ok, type AppContext, type AppResult } from './context.js';
import type { HeavyTask } from './heavy/tasks.js';
import { LruCache } from './lru-cache.js';
import { overviewEvaluator } from './overview-evaluator.js';
import { overviewKey, rememberOverviewRow, storedOverviews, storeOverviews } from './overview-rows.js';
import { STATE_LABELS } from './workflow-labels.js';
import { evaluateRevisionDocument, type OverviewFailure, type RevisionOverview } from './overview-evaluate.js';

/** 审核状态 of a department's year: published (the working copy is the latest publication) wins over the counts. */
export type OverviewStatus = 'published' | 'has-errors' | 'incomplete' | 'ready' | 'error';

export const OVERVIEW_STATUS_LABELS: Readonly<Record<OverviewStatus, string>> = {
  published: '已公开',
  'has-errors': '有错误',
  incomplete: '待完善',
  ready: '可提交',
  error: '无法计算',
};

/**
 * How many revision overviews a store keeps in memory (about 1 KB each). A city has hundreds of departments
 * and a few years on screen, so a few thousand keeps every row a bureau looks at warm.
 */
export const OVERVIEW_CACHE_CAPACITY = 5000;

/**
 * Computed overviews per store, keyed `datasetId/revisionNo`. The cache can never be stale: a revision is
 * immutable (saves append revision n+1, nothing updates or deletes a revision row), and the overview is a pure
 * function of the revision's document text (evaluateRevisionDocument) under the built-in packs, which are
 * code. What can change — department names, publications, which revision is latest — is read fresh on every
 * request and never cached. Keyed by store so that two databases in one process (tests) never share ids.
 */
const caches = new WeakMap<Store, LruCache<string, RevisionOverview>>();

function cacheOf(store: Store): LruCache<string, RevisionOverview> {
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = new LruCache(OVERVIEW_CACHE_CAPACITY);
    caches.set(store, cache);
  }
  return cache;
}

/**
 * Keeps the overview of a revision a worker has just evaluated (a save, a read), so the bureau overview's first
 * request after edits does not pay for parsing documents it could have had for free.
 */
export function cacheOverview(ctx: AppContext, datasetId: number, revisionNo: number, overview: RevisionOverview) {
  cacheOf(ctx.store).set(overviewKey(datasetId, revisionNo), overview);
  rememberOverviewRow(ctx.store, { datasetId, revisionNo }, overview);
}

/** Between two evaluations of a batch: resolves false to stop (the warm-up yields to requests here). */
export type EvaluationPause = () => Promise<boolean>;

/**
 * The overviews of the given revisions, keyed `datasetId/revisionNo`: from the cache, else read (a few dozen
 * documents a query, so no single read holds the loop) computed and cached. With `pause`, it is awaited between two
 * steps and stops the batch when it says so. `inFlight`: worker tasks at once (a request uses the whole pool; the
 * background warm-up one worker, so requests keep getting the other).
 */
export async function ensureOverviews(
  ctx: AppContext,
  keys: readonly RevisionKey[],
  pause?: EvaluationPause,
  inFlight = 1,
): Promise<Map<string, RevisionOverview>> {
  const cache = cacheOf(ctx.store);
  const found = new Map<string, RevisionOverview>();
  let missing: RevisionKey[] = [];
  for (const { datasetId, revisionNo } of keys) {
    const cached = cache.get(overviewKey(datasetId, revisionNo));
    if (cached === undefined) missing.push({ datasetId, revisionNo });
    else found.set(overviewKey(datasetId, revisionNo), cached);
  }
  const evaluator = overviewEvaluator();
  if (evaluator !== null && missing.length > 0) {
    // A restarted server: what an earlier run computed is in the database, one query for hundreds of rows.
    const stored = await storedOverviews(ctx, missing, evaluator);
    for (const [key, overview] of stored) {
      cache.set(key, overview);
      found.set(key, overview);
    }
    missing = missing.filter((k) => !stored.has(overviewKey(k.datasetId, k.revisionNo)));
  }
  // In the worker pool, a few revisions a task (each 5–50 ms); inline (no pool), one between two pauses.
  const chunk = ctx.heavy === undefined ? 1 : OVERVIEW_CHUNK;
  const batch = chunk * Math.max(1, inFlight);
  for (let start = 0; start < missing.length; start += batch) {
    if (pause !== undefined && !(await pause())) break;
    // A request may have computed some while this batch paused.
    const todo = missing.slice(start, start + batch).filter((k) => {
      const cached = cache.get(overviewKey(k.datasetId, k.revisionNo));
      if (cached !== undefined) found.set(overviewKey(k.datasetId, k.revisionNo), cached);
      return cached === undefined;
    });
    const documents = await findRevisionDocuments(ctx.store.db, todo);
    const readable = todo.flatMap(({ datasetId, revisionNo }) => {
      const text = documents.get(overviewKey(datasetId, revisionNo));
      return text === undefined ? [] : [{ key: overviewKey(datasetId, revisionNo), datasetId, revisionNo, text }];
    });
    const groups: (typeof readable)[] = [];
    for (let at = 0; at < readable.length; at += chunk) groups.push(readable.slice(at, at + chunk));
    const evaluated = await Promise.all(groups.map((group) => evaluateDocuments(ctx, group)));
    const computed: { key: RevisionKey; overview: RevisionOverview }[] = [];
    groups.forEach((group, g) =>
      group.forEach(({ key, datasetId, revisionNo }, i) => {
        const overview = evaluated[g]?.[i];
        if (overview === undefined) return;
        if (!overview.ok) ctx.log?.error({ datasetId, revisionNo, ...overview.failure }, overview.failure.message);
        cache.set(key, overview);
        found.set(key, overview);
        computed.push({ key: { datasetId, revisionNo }, overview });
      }),
    );
    storeOverviews(ctx, computed);
  }
  // Rows saves computed, not stored yet: written now (behind the request), not with each save.
  storeOverviews(ctx, []);
  return found;
}

/** Revisions evaluated in one worker task. */
const OVERVIEW_CHUNK = 8;

/** Overview rows of stored documents: in the worker pool when there is one (inline when it is busy or absent). */
async function evaluateDocuments(
  ctx: AppContext,
  documents: readonly { text: string; revisionNo: number }[],
): Promise<RevisionOverview[]> {
  if (documents.length === 0) return [];
  if (ctx.heavy !== undefined) {
    const task: HeavyTask = {
      kind: 'overviews',
      documents: documents.map(({ text, revisionNo }) => ({ text, revisionNo })),
    };
    const done = await ctx.heavy.run(task);
    if (done.ok && done.result.kind === 'overviews') return done.result.overviews;
  }
  const overviews: RevisionOverview[] = [];
  for (const { text, revisionNo } of documents) {
    if (overviews.length > 0) await nextTurn();
    overviews.push(evaluateRevisionDocument(text, revisionNo));
  }
  return overviews;
}

const NO_FIGURES = {
  rulePack: null,
  executionRate: null,
  executionRateYearStart: null,
  projectExecutionRateYearStart: null,
  projectExecutionRateFullYear: null,
  payments: [],
  scoreTotal: null,
  grade: null,
  errorCount: 0,
  warningCount: 0,
  infoCount: 0,
} as const;

function statusOf(head: OverviewHead, overview: RevisionOverview): OverviewStatus {
  if (!overview.ok) return 'error';
  if (head.latestPublication !== null && head.latestPublication.revisionNo === head.revisionNo) return 'published';
  if (overview.counts.error > 0) return 'has-errors';
  return overview.counts.warning > 0 ? 'incomplete' : 'ready';
}

function rowOf(head: OverviewHead, overview: RevisionOverview) {
  const status = statusOf(head, overview);
  const p = head.latestPublication;
  const base = {
    datasetId: head.datasetId,
    fiscalYear: head.fiscalYear,
    department: {
      id: head.departmentId,
      code: head.departmentCode,
      name: head.departmentName,
      parentId: head.departmentParentId,
    },
    latestRevision: head.revisionNo,
    latestPublishedRevision:
      p === null ? null : { revisionNo: p.revisionNo, publishedAt: p.publishedAt, publishedBy: p.publishedBy },
    status,
    statusLabel: OVERVIEW_STATUS_LABELS[status],
    state: head.state,
    stateLabel: STATE_LABELS[head.state],
    stateRevision: head.stateRevision,
  };
  if (!overview.ok) return { ...base, ...NO_FIGURES, failure: overview.failure as OverviewFailure | null };
  const { rulePack, figures, score, counts } = overview;
  return {
    ...base,
    rulePack: rulePack as string | null,
    ...figures,
    scoreTotal: score.total,
    grade: score.grade,
    errorCount: counts.error,
    warningCount: counts.warning,
    infoCount: counts.info,
    failure: null as OverviewFailure | null,
  };
}

export type OverviewRow = ReturnType<typeof rowOf>;

const MISSING: RevisionOverview = {
  ok: false,
  failure: { code: 'REVISION_MISSING', message: '数据集的最新版本无法读取' },
};

/**
 * 财政局总览: one row per dataset of the fiscal year (optionally of one department), computed on the server with
 * `selfEvaluate` and cached per revision. A dataset that cannot be read or scored is a row with status `error`
 * and the reason, never a failed answer.
 */
export async function listOverview(ctx: AppContext, filter: OverviewFilter): Promise<AppResult<OverviewRow[]>> {
  return ok(await overviewRows(ctx, await listOverviewHeads(ctx.store.db, filter)));
}

const yieldToOthers: EvaluationPause = async () => {
  await nextTurn();
  return true;
};

/** The rows of the given heads (in their order), their overviews from the cache or computed. */
export async function overviewRows(ctx: AppContext, heads: readonly OverviewHead[]): Promise<OverviewRow[]> {
  const keys = heads.flatMap((h) =>
    h.revisionNo === null ? [] : [{ datasetId: h.datasetId, revisionNo: h.revisionNo }],
  );
  // Rows not cached yet (a cold start) take 5–50 ms each: yield between them, so other requests keep flowing.
  const overviews = await ensureOverviews(ctx, keys, yieldToOthers, ctx.heavy?.size ?? 1);
  return heads.map((h) =>
    rowOf(h, (h.revisionNo === null ? undefined : overviews.get(overviewKey(h.datasetId, h.revisionNo))) ?? MISSING),
  );
}
