import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Store } from '../store/connect.js';
import { listOverviewHeads, readChangeStamp, type OverviewFilter, type OverviewHead } from '../store/overview-repo.js';
import { ok, type AppContext, type AppResult } from './context.js';
import { LruCache } from './lru-cache.js';
import { overviewRows } from './overview.js';

/** The most rows one answer holds (and the default page): a bureau of up to this many datasets a year gets all. */
export const OVERVIEW_PAGE_MAX = 5000;

/** A page of the overview: rows `offset` … `offset + limit - 1` in department-code order. */
export type OverviewPage = { offset: number; limit: number };

/**
 * The overview as it goes on the wire: the JSON array of rows, serialised once (and gzipped once: 1,000 rows are
 * ~0.7 MB of JSON, ~0.05 MB gzipped), and its strong entity tag (a hash of the scope, the page, the total and the
 * body), so an unchanged view is answered 304 without a body.
 */
export type OverviewAnswer = {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  total: number;
  offset: number;
  limit: number;
  /** The hash of the heads it was built from (`headsHash`). */
  inputs: string;
};

const gzipped = promisify(gzip);

/** Answers kept per store: a year's whole bureau is under 1 MB, and there are few scopes and pages in use. */
const ANSWER_CACHE_CAPACITY = 32;

/**
 * An answer is served as it is while the change stamp stays the same, but rebuilt at least this often, so a change
 * written behind Jixiao's back (plain SQL, no audit entry) shows within seconds. A rebuild that finds the same
 * rows keeps the same body and tag.
 */
const RECHECK_AFTER_MS = 5000;

type Entry = { stamp: number; checkedAt: number; answer: OverviewAnswer };
type Answers = { entries: LruCache<string, Entry>; building: Map<string, Promise<OverviewAnswer>> };

const answersByStore = new WeakMap<Store, Answers>();

function answersOf(store: Store): Answers {
  let answers = answersByStore.get(store);
  if (answers === undefined) {
    answers = { entries: new LruCache(ANSWER_CACHE_CAPACITY), building: new Map() };
    answersByStore.set(store, answers);
  }
  return answers;
}

/** Who sees what: the year, the one department asked for, and the caller's departments (an editor's own). */
function scopeOf(filter: OverviewFilter): string {
  const departments = filter.departmentIds === undefined ? 'all' : [...filter.departmentIds].sort((a, b) => a - b);
  return JSON.stringify([filter.fiscalYear, filter.departmentId ?? null, departments]);
}

/** Rows serialised per step, between two turns of the event loop (1,000 rows are ~0.7 MB of JSON). */
const ROWS_PER_TURN = 100;

/** `JSON.stringify(rows)`, the same text, made a hundred rows per turn so requests keep flowing meanwhile. */
async function serialised(rows: readonly unknown[]): Promise<string> {
  const parts: string[] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_TURN) {
    if (at > 0) await nextTurn();
    parts.push(
      rows
        .slice(at, at + ROWS_PER_TURN)
        .map((row) => JSON.stringify(row))
        .join(','),
    );
  }
  return `[${parts.join(',')}]`;
}

/**
 * The answer's rows are a function of the heads (who, which revision, its publication and workflow state) and each
 * revision's overview, which its key fixes: heads that hash the same give the same answer, which is then kept
 * without assembling, serialising and compressing 1,000 rows again.
 */
function headsHash(heads: readonly OverviewHead[], page: OverviewPage): string {
  return createHash('sha256')
    .update(JSON.stringify([page, heads]))
    .digest('base64url');
}

async function build(ctx: AppContext, wanted: Wanted, previous: Entry | undefined): Promise<OverviewAnswer> {
  const { filter, page, scope } = wanted;
  const heads = await listOverviewHeads(ctx.store.db, filter);
  const inputs = headsHash(heads, page);
  if (previous !== undefined && previous.answer.inputs === inputs) return previous.answer;
  const rows = await overviewRows(ctx, heads.slice(page.offset, page.offset + page.limit));
  const json = await serialised(rows);
  const hash = createHash('sha256').update(`${scope}\n${page.offset}/${page.limit}/${heads.length}\n`).update(json);
  const etag = `"${hash.digest('base64url').slice(0, 32)}"`;
  const body = Buffer.from(json);
  // In the thread pool, off the event loop: ~10 ms for a year of 1,000 departments.
  return { body, gzipped: await gzipped(body), etag, total: heads.length, ...page, inputs };
}

/**
 * 财政局总览 as a cached answer. The rows come from `overviewRows` (each revision's overview cached for good);
 * the serialised answer is kept per (scope, page) and reused while the audit log's entry count — bumped in the
 * same transaction as every save, workflow step, publication and department change, by any server on the
 * database — is unchanged. One build per (scope, page, stamp) at a time: concurrent requests share it.
 */
export async function overviewAnswer(
  ctx: AppContext,
  filter: OverviewFilter,
  page: OverviewPage,
): Promise<AppResult<OverviewAnswer>> {
  const answers = answersOf(ctx.store);
  const scope = scopeOf(filter);
  const key = `${scope}|${page.offset}|${page.limit}`;
  // Read before the rows: a write that lands in between bumps the stamp past the one stored with them.
  const stamp = await readChangeStamp(ctx.store.db);
  const cached = answers.entries.get(key);
  if (cached !== undefined && cached.stamp === stamp) {
    // Nothing written through Jixiao since: the answer stands. Past the recheck time it is checked again in the
    // background (a change made behind Jixiao's back), and meanwhile this request is not kept waiting for it.
    if (performance.now() - cached.checkedAt >= RECHECK_AFTER_MS)
      rebuild(ctx, answers, { filter, page, scope, key, stamp }).catch((error: unknown) =>
        ctx.log?.error({ error: error instanceof Error ? error.message : String(error) }, '总览重新核对失败'),
      );
    return ok(cached.answer);
  }
  return ok(await rebuild(ctx, answers, { filter, page, scope, key, stamp }));
}

/** Resolves once the answers being built for a store (a recheck behind a request included) are done. */
export async function overviewBuildsSettled(store: Store): Promise<void> {
  await Promise.allSettled([...answersOf(store).building.values()]);
}

type Wanted = { filter: OverviewFilter; page: OverviewPage; scope: string; key: string; stamp: number };

/** One build per (scope, page, stamp) at a time: concurrent requests (and rechecks) share it. */
function rebuild(ctx: AppContext, answers: Answers, wanted: Wanted): Promise<OverviewAnswer> {
  const { key, stamp } = wanted;
  const buildKey = `${key}|${stamp}`;
  let building = answers.building.get(buildKey);
  if (building === undefined) {
    const checkedAt = performance.now();
    const previous = answers.entries.get(key);
    building = build(ctx, wanted, previous).then((answer) => {
      const current = answers.entries.get(key);
      // Same rows as before: keep the one body (and let a slower, older build never replace a newer one).
      const kept = current?.answer.etag === answer.etag ? current.answer : answer;
      if (current === undefined || current.stamp <= stamp) answers.entries.set(key, { stamp, checkedAt, answer: kept });
      return kept;
    });
    answers.building.set(buildKey, building);
    void building.finally(() => answers.building.delete(buildKey)).catch(() => undefined);
  }
  return building;
}
