import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import type { AppContext } from './context.js';
import { cacheOverview, listOverview } from './overview.js';
import { overviewRowsStored } from './overview-rows.js';
import { overviewEvaluator } from './overview-evaluator.js';
import { seedIfEmpty } from './seed.js';

/**
 * 总览行缓存 across a restart: the rows the overview computed are stored with the code's fingerprint, a restarted
 * server (a new store object: no memory cache) reads them instead of evaluating again, and a row stored by other
 * code is computed again and replaced.
 */
describe.each(testStores())('overview rows kept for a restart on $dialect', ({ open }) => {
  let store: Store;
  const contextOf = (s: Store): AppContext => ({ store: s, now: () => new Date('2026-11-30T08:00:00Z') });
  /** A restart as the caches see it: the same database behind a new store object. */
  const restarted = () => contextOf({ ...store });
  const storedRows = () =>
    store.db.selectFrom('revision_overviews').select(['dataset_id', 'revision_no', 'evaluator', 'overview']).execute();

  beforeAll(async () => {
    store = await open();
    await seedIfEmpty(contextOf(store), 'examples/yuhua-2020.yaml');
  }, 60_000);
  afterAll(async () => {
    await store.close();
  });

  it('stores each computed row with the fingerprint of the code that computed it', async () => {
    const listed = await listOverview(contextOf(store), { fiscalYear: 2020 });
    if (!listed.ok) throw new Error('overview');
    expect(listed.value.map((r) => r.scoreTotal)).toEqual(['98.49']);
    await overviewRowsStored(store); // written behind the request
    const rows = await storedRows();
    expect(rows.map((r) => [r.dataset_id, r.revision_no])).toEqual([[1, 1]]);
    expect(rows[0]?.evaluator).toBe(overviewEvaluator());
    expect(overviewEvaluator()).toMatch(/^sha256:[\w-]{22}$/);
    expect(JSON.parse(rows[0]?.overview ?? '{}')).toMatchObject({ ok: true, score: { total: '98.49' } });
  });

  it('serves a restarted server from the stored row, without evaluating the document again', async () => {
    // Proof that it is read, not computed: a stored row altered behind Jixiao's back is what comes back.
    const [row] = await storedRows();
    const altered = (row?.overview ?? '').replace('"98.49"', '"12.34"');
    await store.db.updateTable('revision_overviews').set({ overview: altered }).execute();
    const listed = await listOverview(restarted(), { fiscalYear: 2020 });
    expect(listed.ok && listed.value.map((r) => r.scoreTotal)).toEqual(['12.34']);
  });

  it('computes a row again when other code stored it, and replaces the stored one', async () => {
    await store.db.updateTable('revision_overviews').set({ evaluator: 'sha256:older-code' }).execute();
    const ctx = restarted();
    const listed = await listOverview(ctx, { fiscalYear: 2020 });
    expect(listed.ok && listed.value.map((r) => r.scoreTotal)).toEqual(['98.49']);
    await overviewRowsStored(ctx.store);
    const rows = await storedRows();
    expect(rows.map((r) => r.evaluator)).toEqual([overviewEvaluator()]);
    expect(JSON.parse(rows[0]?.overview ?? '{}')).toMatchObject({ score: { total: '98.49' } });
  });

  it('stores a row a save computed with the next overview, not with the save', async () => {
    const ctx = restarted();
    const listed = await listOverview(ctx, { fiscalYear: 2020 }); // from the stored row
    expect(listed.ok).toBe(true);
    await store.db.deleteFrom('revision_overviews').execute();
    const [row] = listed.ok ? listed.value : [];
    // What a save hands over (the row its worker computed): kept in memory, not written yet.
    cacheOverview(ctx, 1, 1, {
      ok: true,
      rulePack: row?.rulePack ?? '',
      figures: {
        executionRate: null,
        executionRateYearStart: null,
        projectExecutionRateYearStart: null,
        projectExecutionRateFullYear: null,
        payments: [],
      },
      score: { total: '98.49', grade: '优' },
      counts: { error: 0, warning: 0, info: 0 },
    });
    await overviewRowsStored(ctx.store);
    expect(await storedRows()).toEqual([]);
    await listOverview(ctx, { fiscalYear: 2020 });
    await overviewRowsStored(ctx.store);
    expect((await storedRows()).map((r) => [r.dataset_id, r.revision_no])).toEqual([[1, 1]]);
  });

  it('answers the overview when the rows cannot be stored (the write fails behind the request)', async () => {
    await store.db.schema.dropTable('revision_overviews').execute();
    const listed = await listOverview(restarted(), { fiscalYear: 2020 });
    expect(listed.ok && listed.value.map((r) => r.scoreTotal)).toEqual(['98.49']);
  });
});
