import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Executor } from './executor.js';
import { readPerRevision, type RevisionKey } from './overview-repo.js';

/** A revision's overview row as stored: the JSON text of what `evaluateRevisionDocument` gave. */
export type StoredOverview = RevisionKey & { overview: string };

/**
 * The stored overview rows of the given revisions computed by `evaluator`, keyed `datasetId/revisionNo`; rows of
 * another evaluator (older code) are left out, as if absent.
 */
export function findRevisionOverviews(
  db: Executor,
  keys: readonly RevisionKey[],
  evaluator: string,
): Promise<Map<string, string>> {
  return readPerRevision(keys, (chunk) =>
    db
      .selectFrom('revision_overviews')
      .select(['dataset_id', 'revision_no', 'overview as value'])
      .where('evaluator', '=', evaluator)
      .where((eb) =>
        eb.or(chunk.map((k) => eb.and([eb('dataset_id', '=', k.datasetId), eb('revision_no', '=', k.revisionNo)]))),
      )
      .execute(),
  );
}

/** Rows per insert statement (four parameters each). */
const ROWS_PER_INSERT = 200;

/** Stores (or replaces, when computed by another evaluator) overview rows, in one transaction. */
export async function saveRevisionOverviews(
  db: Kysely<Database>,
  rows: readonly StoredOverview[],
  evaluator: string,
): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await tx
        .insertInto('revision_overviews')
        .values(
          rows.slice(start, start + ROWS_PER_INSERT).map((r) => ({
            dataset_id: r.datasetId,
            revision_no: r.revisionNo,
            evaluator,
            overview: r.overview,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['dataset_id', 'revision_no']).doUpdateSet((eb) => ({
            evaluator: eb.ref('excluded.evaluator'),
            overview: eb.ref('excluded.overview'),
          })),
        )
        .execute();
    }
  });
}
