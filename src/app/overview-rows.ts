import type { Store } from '../store/connect.js';
import { storeFaultOf } from '../store/faults.js';
import type { RevisionKey } from '../store/overview-repo.js';
import { findRevisionOverviews, saveRevisionOverviews, type StoredOverview } from '../store/revision-overviews-repo.js';
import type { AppContext } from './context.js';
import { overviewEvaluator } from './overview-evaluator.js';
import type { RevisionOverview } from './overview-evaluate.js';
import { turnstileOf } from './turnstile.js';

/**
 * The stored overview rows (`revision_overviews`): a restarted server reads a year's rows instead of evaluating
 * every document again. Rows are derived data, written behind the request with the fingerprint of the code that
 * computed them (overview-evaluator.ts) and read only when that fingerprint matches.
 */

/** The key of a revision's overview in memory and in the rows read: `datasetId/revisionNo`. */
export const overviewKey = (datasetId: number, revisionNo: number) => `${datasetId}/${revisionNo}`;

/**
 * Rows computed but not stored yet: written with the next batch the overview stores (a save does not pay a second
 * commit for them), capped so a server nobody asks for the overview does not grow.
 */
const UNSTORED_CAPACITY = 2000;

/**
 * What is being stored for a store: rows not written yet, the write under way (tests and shutdown wait for it), and
 * whether writing stopped (a read-only or full database: the overview keeps working from memory, not retrying).
 */
type Keeper = { unstored: Map<string, StoredOverview>; writing: Promise<void>; stopped: boolean };
const keepers = new WeakMap<Store, Keeper>();

function keeperOf(store: Store): Keeper {
  let keeper = keepers.get(store);
  if (keeper === undefined) {
    keeper = { unstored: new Map(), writing: Promise.resolve(), stopped: false };
    keepers.set(store, keeper);
  }
  return keeper;
}

/** Adds a row to those not written yet. Only rows that computed: a failure may depend on where it ran. */
function keep(keeper: Keeper, key: RevisionKey, overview: RevisionOverview): void {
  if (overview.ok)
    keeper.unstored.set(overviewKey(key.datasetId, key.revisionNo), { ...key, overview: JSON.stringify(overview) });
}

/** Hands an overview a save or a read computed over, to be stored with the next batch the overview stores. */
export function rememberOverviewRow(store: Store, key: RevisionKey, overview: RevisionOverview): void {
  const keeper = keeperOf(store);
  if (keeper.stopped || overviewEvaluator() === null) return;
  // Over the cap the rows not written yet are dropped: computed again on a restart, only slower.
  if (keeper.unstored.size >= UNSTORED_CAPACITY) keeper.unstored.clear();
  keep(keeper, key, overview);
}

/** Resolves once the overview rows handed over so far are written (or given up). */
export function overviewRowsStored(store: Store): Promise<void> {
  return keeperOf(store).writing;
}

/** The rows stored by an earlier run (same code) of the given revisions, parsed; an unreadable row is skipped. */
export async function storedOverviews(ctx: AppContext, keys: readonly RevisionKey[], evaluator: string) {
  const found = new Map<string, RevisionOverview>();
  let stored: Map<string, string>;
  try {
    stored = await findRevisionOverviews(ctx.store.db, keys, evaluator);
  } catch (error) {
    // Derived rows only: without them the overview is computed, as on a first start.
    ctx.log?.error({ error: error instanceof Error ? error.message : String(error) }, '总览行无法读取（将重新计算）');
    return found;
  }
  for (const [key, text] of stored) {
    try {
      found.set(key, JSON.parse(text) as RevisionOverview);
    } catch {
      // evaluated again by the caller
    }
  }
  return found;
}

/**
 * Stores the given rows and those handed over before, for the next start, behind the request (nobody waits for it)
 * and through the store's turnstile (one write per turn, like saves).
 */
export function storeOverviews(ctx: AppContext, rows: readonly { key: RevisionKey; overview: RevisionOverview }[]) {
  const evaluator = overviewEvaluator();
  const keeper = keeperOf(ctx.store);
  if (evaluator === null || keeper.stopped) return;
  for (const { key, overview } of rows) keep(keeper, key, overview);
  if (keeper.unstored.size === 0) return;
  const batch = [...keeper.unstored.values()];
  keeper.unstored.clear();
  keeper.writing = keeper.writing.then(() =>
    turnstileOf(ctx.store)
      .run(() => saveRevisionOverviews(ctx.store.db, batch, evaluator))
      .catch((error: unknown) => {
        const fault = storeFaultOf(error);
        // Read-only or full: not retried until the server restarts; anything else, the next batch tries again.
        if (fault?.kind === 'read-only' || fault?.kind === 'full') keeper.stopped = true;
        ctx.log?.error(
          { error: error instanceof Error ? error.message : String(error), fault: fault?.kind ?? null },
          '总览行未能保存（下次启动时重新计算）',
        );
      }),
  );
}
