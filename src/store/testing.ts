import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreDialect } from './connect.js';

/** A store for one test file, fresh and migrated; `close` removes what it created. */
export type TestStoreFactory = { dialect: StoreDialect; open: () => Promise<Store> };

async function openSqlite(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-store-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'test.sqlite') });
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each PostgreSQL test store gets its own schema, so test files can run in parallel on one database. */
async function openPostgres(url: string): Promise<Store> {
  const schema = `jixiao_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = await openStore({ dialect: 'postgres', url, schema });
  return {
    ...store,
    close: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** SQLite always; PostgreSQL too when DATABASE_URL is set (CI starts a server and sets it). */
export function testStores(env: NodeJS.ProcessEnv = process.env): TestStoreFactory[] {
  const url = env['DATABASE_URL'];
  const factories: TestStoreFactory[] = [{ dialect: 'sqlite', open: openSqlite }];
  if (url !== undefined && url !== '') factories.push({ dialect: 'postgres', open: () => openPostgres(url) });
  return factories;
}
