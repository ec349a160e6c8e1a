import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Executor } from './executor.js';
import type { RevisionKey } from './overview-repo.js';

/** A revision's overview row as stored: the JSON text of what `evaluateRevisionDocument` gave. */
export type StoredOverview = RevisionKey & { overview: string };

/** Keys per query: two parameters each, well under SQLite's and PostgreSQL's limits. */
const KEYS_PER_QUERY = 400;

/**
 * The stored overview rows of the given revisions computed by `evaluator`, keyed `datasetId/revisionNo`; rows of
 * another evaluator (older code) are left out, as if absent.
 */
export async function findRevisionOverviews(
  db: Executor,
  keys: readonly RevisionKey[],
  evaluator: string,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    const chunk = keys.slice(start, start + KEYS_PER_QUERY);
    const rows = await db
      .selectFrom('revision_overviews')
      .select(['dataset_id', 'revision_no', 'overview'])
      .where('evaluator', '=', evaluator)
      .where((eb) =>
        eb.or(chunk.map((k) => eb.and([eb('dataset_id', '=', k.datasetId), eb('revision_no', '=', k.revisionNo)]))),
      )
      .execute();
    for (const row of rows) found.set(`${row.dataset_id}/${row.revision_no}`, row.overview);
  }
  return found;
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
