import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../store/connect.js';
import { listLatestRevisions } from '../store/overview-repo.js';
import type { AppContext } from './context.js';
import { ensureOverviews, OVERVIEW_CACHE_CAPACITY } from './overview.js';

/** 总览缓存预热 as /api/health reports it: not started (`off`), under way, finished, or given up on an error. */
export type WarmUpState = 'off' | 'warming' | 'warm' | 'failed';

export type WarmUpSummary = { state: WarmUpState; datasets: number; ms: number };

/** How many revisions are read from the database at once (each ~15 KB of document text). */
const BATCH = 50;

const states = new WeakMap<Store, WarmUpState>();

export function overviewWarmUpState(store: Store): WarmUpState {
  return states.get(store) ?? 'off';
}

/**
 * Fills the overview cache with every dataset's working copy, the newest fiscal year first, in the background:
 * it yields to the event loop after each evaluation (one at a time, ~5–50 ms), so requests keep being answered,
 * and a request that needs a row not warmed yet computes it itself. `stop` ends it after the current evaluation.
 */
export function startOverviewWarmUp(ctx: AppContext): { done: Promise<WarmUpSummary>; stop: () => Promise<void> } {
  let stopped = false;
  const pause = async () => {
    await nextTurn();
    return !stopped;
  };
  const done = warmUp(ctx, pause, () => stopped);
  return {
    done,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function warmUp(ctx: AppContext, pause: () => Promise<boolean>, stopped: () => boolean): Promise<WarmUpSummary> {
  const started = performance.now();
  states.set(ctx.store, 'warming');
  let datasets = 0;
  try {
    const keys = await listLatestRevisions(ctx.store.db, OVERVIEW_CACHE_CAPACITY);
    for (let start = 0; start < keys.length; start += BATCH) {
      if (!(await pause())) break;
      // Both workers: a request's task waits for at most one chunk (8 revisions) per worker.
      datasets += (await ensureOverviews(ctx, keys.slice(start, start + BATCH), pause, ctx.heavy?.size ?? 1)).size;
    }
    states.set(ctx.store, stopped() ? 'off' : 'warm');
  } catch (error) {
    // The cache only speeds requests up: they compute what is missing. The operator sees why it stopped.
    states.set(ctx.store, 'failed');
    ctx.log?.error({ error: error instanceof Error ? error.message : String(error) }, '总览缓存预热失败');
  }
  return { state: overviewWarmUpState(ctx.store), datasets, ms: performance.now() - started };
}
