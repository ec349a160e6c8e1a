import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './connect.js';

/** Anything queries run on: the store's connection or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(store: Store, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(work);
}

/** A unique constraint refused the write (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
