import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type StoreConfig } from '../store/connect.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import type { AppContext } from './context.js';
import { importDataset } from './import-export.js';

const SEED = fileURLToPath(new URL('../../examples/yuhua-2020.yaml', import.meta.url));
const actor = { kind: 'system', label: '备份测试' } as const;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sqlite = (name: string) => ({ dialect: 'sqlite' as const, file: join(dir, name) });

/** A database with two datasets (2020 in two revisions, 2021 in one) and their audit log, written by the use cases. */
async function databaseWithData(config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  const ctx: AppContext = { store, now: () => new Date('2021-03-01T08:00:00Z') };
  const seed = await readFile(SEED, 'utf8');
  const first = await importDataset(ctx, { format: 'yaml', content: seed, fileName: 'seed.yaml', actor });
  if (!first.ok || !first.value.saved) throw new Error('seed import failed');
  const again = { format: 'yaml', fileName: 'seed.yaml', actor, datasetId: first.value.id, baseRevision: 1 } as const;
  const second = await importDataset(ctx, { ...again, content: seed.replace('  level: 正科级', '  level: 副处级') });
  const nextYear = await importDataset(ctx, {
    format: 'yaml',
    content: seed.replace('fiscalYear: 2020', 'fiscalYear: 2021'),
    fileName: 'seed-2021.yaml',
    actor,
  });
  for (const result of [second, nextYear]) if (!result.ok) throw new Error(result.error.message);
  await store.close();
}

/** Every row of the tables a restore must give back, in id order. */
function rows(file: string): { datasets: unknown[]; revisions: unknown[]; audit_log: unknown[] } {
  const db = new SQLite(file, { readonly: true });
  try {
    const all = (table: string) => db.prepare(`select * from ${table} order by id`).all();
    return { datasets: all('datasets'), revisions: all('revisions'), audit_log: all('audit_log') };
  } finally {
    db.close();
  }
}

describe('backup and restore (SQLite)', () => {
  it('restores a backup to identical datasets, revisions and audit log', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    const live = sqlite('live.sqlite');
    await databaseWithData(live);
    const backup = await backupDatabase(live, join(dir, 'backup.sqlite'));
    expect(backup).toMatchObject({ ok: true, value: { counts: { datasets: 2, revisions: 3 } } });
    const restored = await restoreDatabase(sqlite('restored.sqlite'), join(dir, 'backup.sqlite'), { force: false });
    expect(restored).toMatchObject({ ok: true, value: { counts: { datasets: 2, revisions: 3 } } });
    const before = rows(join(dir, 'live.sqlite'));
    expect(before.audit_log.length).toBeGreaterThanOrEqual(3);
    expect(rows(join(dir, 'restored.sqlite'))).toEqual(before);
    // A backup is one self-contained file: nothing beside it, and in rollback-journal mode.
    expect(readFileSync(join(dir, 'backup.sqlite')).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
  });

  it('refuses to overwrite a database with data unless forced, and then brings it back to the backup', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    const live = sqlite('live.sqlite');
    await databaseWithData(live);
    await backupDatabase(live, join(dir, 'backup.sqlite'));
    const atBackup = rows(live.file);
    const later = await openStore(live); // the live database moves on after the backup
    await later.db.updateTable('datasets').set({ state: 'submitted' }).execute();
    await later.close();
    expect(rows(live.file)).not.toEqual(atBackup);
    expect(await restoreDatabase(live, join(dir, 'backup.sqlite'), { force: false })).toEqual({
      ok: false,
      error: {
        kind: 'CONFLICT',
        message: `目标数据库不是空的：${live.file}（2 个数据集，3 个版本，${atBackup.audit_log.length} 条审计记录）；确认要用备份覆盖它，请加 --force`,
      },
    });
    expect(await restoreDatabase(live, join(dir, 'backup.sqlite'), { force: true })).toMatchObject({ ok: true });
    expect(rows(live.file)).toEqual(atBackup);
  });

  it('refuses a file that is not a Jixiao database, not SQLite, or damaged', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    const target = sqlite('target.sqlite');
    const other = new SQLite(join(dir, 'other.sqlite'));
    other.exec('create table notes (id integer primary key, text text); insert into notes (text) values (1);');
    other.close();
    writeFileSync(join(dir, 'text.sqlite'), '不是数据库\n'.repeat(200));
    await databaseWithData(sqlite('live.sqlite'));
    await backupDatabase(sqlite('live.sqlite'), join(dir, 'good.sqlite'));
    const damaged = readFileSync(join(dir, 'good.sqlite'));
    damaged.fill(0x5a, 4096 * 3, 4096 * 3 + 2048); // garbage over half of page 4
    writeFileSync(join(dir, 'damaged.sqlite'), damaged);
    const restore = (name: string) => restoreDatabase(target, join(dir, name), { force: false });
    expect(await restore('other.sqlite')).toMatchObject({
      ok: false,
      error: {
        kind: 'INVALID',
        message: `不是 Jixiao 数据库备份：${join(dir, 'other.sqlite')}（没有迁移记录表 kysely_migration）`,
      },
    });
    expect(await restore('text.sqlite')).toMatchObject({
      ok: false,
      error: { kind: 'INVALID', message: `无法使用数据库文件：${join(dir, 'text.sqlite')}（不是 SQLite 数据库文件）` },
    });
    expect(await restore('damaged.sqlite')).toMatchObject({ ok: false, error: { kind: 'INTEGRITY' } });
    expect(await restore('missing.sqlite')).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
  });

  it('names pg_dump and pg_restore for PostgreSQL', async () => {
    const pg: StoreConfig = { dialect: 'postgres', url: 'postgres://localhost/jixiao' };
    expect(await backupDatabase(pg, 'x.dump')).toMatchObject({
      ok: false,
      error: { kind: 'NOT_IMPLEMENTED', message: expect.stringContaining('pg_dump') as unknown },
    });
    expect(await restoreDatabase(pg, 'x.dump', { force: false })).toMatchObject({
      ok: false,
      error: { kind: 'NOT_IMPLEMENTED', message: expect.stringContaining('pg_restore') as unknown },
    });
  });
});
