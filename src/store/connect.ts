import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/provider.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** Where the store lives: an embedded SQLite file (default) or a PostgreSQL server. */
export type StoreConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; /** a schema to work in (tests use one per run) */ schema?: string };

/** `schema`: the PostgreSQL schema the store works in, when not the default. */
export type Store = { db: Kysely<Database>; dialect: StoreDialect; close: () => Promise<void>; schema?: string };

export const DEFAULT_SQLITE_FILE = 'data/jixiao.sqlite';

/** DATABASE_URL selects PostgreSQL; otherwise the SQLite file (given, or data/jixiao.sqlite). */
export function storeConfigFrom(env: NodeJS.ProcessEnv, file?: string): StoreConfig {
  const url = env['DATABASE_URL'];
  if (file === undefined && url !== undefined && url !== '') return { dialect: 'postgres', url };
  return { dialect: 'sqlite', file: file ?? DEFAULT_SQLITE_FILE };
}

/** How long a statement waits for a database locked by another connection or process before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Kysely begins every transaction with a plain (deferred) `begin`: it reads first and asks for the write lock only
 * at its first write, and when another process holds that lock SQLite fails the upgrade at once with SQLITE_BUSY
 * instead of waiting (waiting could deadlock two such readers). `begin immediate` takes the write lock up front, so
 * a transaction waits for the lock like any other statement. Transactions are short and SQLite has one writer at a
 * time anyway; reads outside transactions are not affected.
 */
function immediateTransactions(database: SQLite.Database): SqliteDatabase {
  const prepared = preparedOnce(database);
  return {
    close: () => database.close(),
    prepare: (sql) => prepared(/^\s*begin\s*$/i.test(sql) ? 'begin immediate' : sql),
  };
}

/** Distinct statements kept prepared; past it the cache starts over (lists of ids make many one-off texts). */
const PREPARED_STATEMENTS_MAX = 500;

/**
 * Kysely prepares every statement it runs anew, which on the server's HTTP thread cost about 4 % of its time under
 * load (a profile of saves and reads). A statement is prepared once per text and reused: better-sqlite3 statements
 * are reusable, and kysely runs one statement at a time on the one connection (its mutex), so none is reused while
 * another run of it is still iterating.
 */
function preparedOnce(database: SQLite.Database): (sql: string) => SQLite.Statement {
  const statements = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= PREPARED_STATEMENTS_MAX) statements.clear();
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/**
 * The SQLite file, opened for a server that must not lose an acknowledged save:
 * - `journal_mode = WAL`: readers do not block the writer, nor the writer the readers.
 * - `synchronous = FULL`: a commit returns only once it is on disk (WAL file synced), so an acknowledged save
 *   survives a power loss or an OS crash, not only a killed process as with NORMAL. It costs one more fsync per
 *   commit, about a millisecond on an SSD; saves are a few per user per minute.
 * - a busy timeout of 5 s (SQLITE_BUSY_TIMEOUT_MS): a database locked by another process (a backup, a second
 *   jixiao, the sqlite3 shell) is waited for instead of failing; with `begin immediate`, transactions wait too.
 * - `foreign_keys = ON`.
 */
function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database: immediateTransactions(database) });
}

function postgresDialect(url: string, schema: string | undefined): PostgresDialect {
  const options = schema === undefined ? {} : { options: `-c search_path=${schema}` };
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 5, ...options }) });
}

/** Runs every pending migration; a failed migration is thrown with its name. */
export async function migrateToLatest(store: Store): Promise<void> {
  // The migration tables live in the store's own schema: kysely otherwise looks for them in every schema, and a
  // leftover schema of another run (a killed test) would make it skip creating them here.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.dialect),
    ...(store.schema === undefined ? {} : { migrationTableSchema: store.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移失败（${failed}）`, { cause: error });
  }
}

/** Opens the store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const dialect = config.dialect === 'sqlite' ? sqliteDialect(config.file) : postgresDialect(config.url, config.schema);
  const db = new Kysely<Database>({ dialect });
  const schema = config.dialect === 'postgres' ? config.schema : undefined;
  const store: Store = {
    db,
    dialect: config.dialect,
    close: () => db.destroy(),
    ...(schema === undefined ? {} : { schema }),
  };
  await migrateToLatest(store);
  return store;
}
