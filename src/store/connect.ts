import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/provider.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** Where the store lives: an embedded SQLite file (default) or a PostgreSQL server. */
export type StoreConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; /** a schema to work in (tests use one per run) */ schema?: string };

export type Store = { db: Kysely<Database>; dialect: StoreDialect; close: () => Promise<void> };

export const DEFAULT_SQLITE_FILE = 'data/jixiao.sqlite';

/** DATABASE_URL selects PostgreSQL; otherwise the SQLite file (given, or data/jixiao.sqlite). */
export function storeConfigFrom(env: NodeJS.ProcessEnv, file?: string): StoreConfig {
  const url = env['DATABASE_URL'];
  if (file === undefined && url !== undefined && url !== '') return { dialect: 'postgres', url };
  return { dialect: 'sqlite', file: file ?? DEFAULT_SQLITE_FILE };
}

function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database });
}

function postgresDialect(url: string, schema: string | undefined): PostgresDialect {
  const options = schema === undefined ? {} : { options: `-c search_path=${schema}` };
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 5, ...options }) });
}

/** Runs every pending migration; a failed migration is thrown with its name. */
export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
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
  const store: Store = { db, dialect: config.dialect, close: () => db.destroy() };
  await migrateToLatest(store);
  return store;
}
