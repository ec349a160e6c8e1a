import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, SQLITE_BUSY_TIMEOUT_MS, type Store } from './connect.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Another process holding the write lock of `file` for `ms` milliseconds; resolves once it holds it. */
async function lockHolder(file: string, ms: number): Promise<ChildProcess> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: REPO_ROOT, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${String(code)}`)));
  });
  return child;
}

const department = (code: string) => ({ code, name: code, parent_id: null, created_at: 'now', updated_at: 'now' });

let dir = '';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openTemp(): Promise<{ store: Store; file: string }> {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-connect-'));
  const file = join(dir, 'db.sqlite');
  store = await openStore({ dialect: 'sqlite', file });
  return { store, file };
}

describe('SQLite durability and a busy database', () => {
  it('commits with synchronous = FULL in WAL mode, foreign keys on, a 5 s busy timeout', async () => {
    const { store } = await openTemp();
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as Record<string, unknown>)[0];
    expect(await pragma('synchronous')).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(SQLITE_BUSY_TIMEOUT_MS).toBe(5_000);
  });

  it('a transaction that reads then writes waits for another process’s lock instead of failing at once', async () => {
    const { store, file } = await openTemp();
    await store.db.insertInto('departments').values(department('A')).execute();
    const holder = await lockHolder(file, 1_000);
    const started = performance.now();
    await store.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('departments').select('code').execute();
      await tx
        .insertInto('departments')
        .values(department(`B${before.length}`))
        .execute();
    });
    const waited = performance.now() - started;
    const codes = await store.db.selectFrom('departments').select('code').orderBy('code').execute();
    expect(codes.map((r) => r.code)).toEqual(['A', 'B1']);
    // Before `begin immediate` this failed with SQLITE_BUSY within milliseconds, the lock still held.
    expect(waited).toBeGreaterThan(500);
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('a single write waits for the lock too', async () => {
    const { store, file } = await openTemp();
    const holder = await lockHolder(file, 800);
    await store.db.insertInto('departments').values(department('C')).execute();
    expect((await store.db.selectFrom('departments').select('code').execute()).map((r) => r.code)).toEqual(['C']);
    await new Promise((resolve) => holder.once('exit', resolve));
  });
});
