import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import type { AppContext } from './context.js';
import { overviewAnswer, overviewBuildsSettled, type OverviewAnswer } from './overview-answer.js';
import { seedIfEmpty } from './seed.js';

/**
 * The cached overview answer's recheck: a change written behind Jixiao's back (no audit entry, so the change stamp
 * stays) shows once the answer is older than the recheck time — the request that finds it old is answered at once
 * with what is cached, and the rebuild runs behind it; a rebuild that finds the same heads keeps the same answer.
 */
describe.each(testStores())('overview answer recheck on $dialect', ({ open }) => {
  let store: Store;
  let ctx: AppContext;
  const page = { offset: 0, limit: 5000 };
  const answer = async (): Promise<OverviewAnswer> => {
    const result = await overviewAnswer(ctx, { fiscalYear: 2020 }, page);
    if (!result.ok) throw new Error('overview');
    return result.value;
  };
  /** Moves the clock the cache reads (performance.now) forward by `ms`. */
  let shift = 0;
  const later = (ms: number) => {
    shift += ms;
    const real = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => real() + shift);
  };
  /** The answer once the recheck started behind the last request is done. */
  const rebuilt = async (): Promise<OverviewAnswer> => {
    await overviewBuildsSettled(store);
    return answer();
  };

  beforeAll(async () => {
    store = await open();
    ctx = { store, now: () => new Date('2026-11-30T08:00:00Z') };
    await seedIfEmpty(ctx, 'examples/yuhua-2020.yaml');
  }, 60_000);
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await store.close();
  });

  it('answers from the cache at once, rechecks behind the request, and shows a change made behind its back', async () => {
    const first = await answer();
    await overviewBuildsSettled(store);
    expect(first.body.toString()).toContain('雨花区行政审批服务局');
    await store.db.updateTable('departments').set({ name: '改名后的部门' }).execute(); // plain SQL: no audit entry
    expect(await answer()).toBe(first); // within the recheck time
    later(6_000);
    expect(await answer()).toBe(first); // old, but answered at once; the rebuild starts behind it
    const next = await rebuilt();
    expect(next).not.toBe(first);
    expect(next.body.toString()).toContain('改名后的部门');
    expect(next.etag).not.toBe(first.etag);
  });

  it('keeps the very same answer when a recheck finds the same heads', async () => {
    const current = await answer();
    later(6_000);
    expect(await answer()).toBe(current);
    expect(await rebuilt()).toBe(current);
  });
});
