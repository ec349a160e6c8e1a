import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { unsafeTargetCode } from '../report/write-report.js';
import { openStore, SQLITE_BUSY_TIMEOUT_MS, type StoreConfig } from '../store/connect.js';
import { migrationProvider } from '../store/migrations/provider.js';
import { conflict, invalid, notFound, notImplemented, ok, type AppError, type AppResult } from './context.js';

/**
 * 备份与恢复 of the SQLite store, through SQLite's online backup (better-sqlite3 `backup()`): a consistent copy of
 * a database in use, page by page, never a file copy that could catch a write half done. A backup is one
 * self-contained file (rollback journal, no -wal beside it) that has passed `PRAGMA integrity_check`. PostgreSQL is
 * backed up with its own tools, pg_dump and pg_restore (docs/operations.md).
 */

/** What a database holds, as the operator checks it after a backup or a restore. */
export type DatabaseCounts = { datasets: number; revisions: number; auditLog: number };
export type BackupSummary = { file: string; bytes: number; counts: DatabaseCounts };

export const PG_BACKUP_HINT =
  'PostgreSQL 数据库请用 pg_dump 备份：pg_dump --format=custom --file=jixiao.dump "$DATABASE_URL"（见 docs/operations.md）';
export const PG_RESTORE_HINT =
  'PostgreSQL 数据库请用 pg_restore 恢复：pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" jixiao.dump（见 docs/operations.md）';

/** Pages per backup step: everything in one step, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;
const MIGRATION_TABLE = 'kysely_migration';

const integrity = (message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { kind: 'INTEGRITY', message },
});

/** An errno-shaped error about the output `path`, which the CLI prints as one Chinese line (exit 2). */
const outputError = (path: string, code: string): Error =>
  Object.assign(new Error(`${code}: cannot write ${path}`), { code, syscall: 'write', path });

const temporaryNear = (path: string): string =>
  join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);

function tableNames(db: SQLite.Database): Set<string> {
  const rows = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function countRows(db: SQLite.Database): DatabaseCounts {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const tables = tableNames(db);
  const counted = (table: string) => (tables.has(table) ? count(table) : 0);
  return { datasets: counted('datasets'), revisions: counted('revisions'), auditLog: counted('audit_log') };
}

/** Why `db` is not a Jixiao database this program can restore, or null: no migration table, or a newer schema. */
async function notJixiao(db: SQLite.Database): Promise<string | null> {
  if (!tableNames(db).has(MIGRATION_TABLE)) return '没有迁移记录表 kysely_migration';
  const known = new Set(Object.keys(await migrationProvider('sqlite').getMigrations()));
  const applied = db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[];
  const unknown = applied.find((m) => !known.has(m.name));
  return unknown === undefined ? null : `来自更新版本的 Jixiao（迁移 ${unknown.name} 本程序不认识），请用新版本恢复`;
}

/** `PRAGMA integrity_check`: null when the file is sound, else the first problem SQLite names. */
function integrityProblem(db: SQLite.Database): string | null {
  const rows = db.prepare('pragma integrity_check').all() as { integrity_check: string }[];
  const first = rows[0]?.integrity_check ?? '';
  return rows.length === 1 && first === 'ok' ? null : first;
}

const SQLITE_REASONS: Readonly<Record<string, string>> = {
  SQLITE_NOTADB: '不是 SQLite 数据库文件',
  SQLITE_CORRUPT: '文件已损坏',
  SQLITE_BUSY: '数据库正被其他进程占用',
  SQLITE_CANTOPEN: '无法打开',
  SQLITE_READONLY: '只读，无法写入',
  SQLITE_FULL: '磁盘空间不足',
};

/** A SQLite error as the Chinese reason an operator can act on, or null for anything else (rethrown). */
function sqliteReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return SQLITE_REASONS[code] ?? SQLITE_REASONS[code.replace(/_[A-Z]+$/, '')] ?? null;
}

/** Runs `use` on the SQLite file, turning SQLite's errors about the file into a refusal naming it. */
async function withSqlite<T>(
  file: string,
  options: SQLite.Options,
  use: (db: SQLite.Database) => AppResult<T> | Promise<AppResult<T>>,
): Promise<AppResult<T>> {
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS, ...options });
    return await use(db);
  } catch (error) {
    const reason = sqliteReason(error);
    if (reason === null) throw error;
    return reason === SQLITE_REASONS['SQLITE_CORRUPT']
      ? integrity(`数据库文件未通过完整性检查：${file}（${reason}）`)
      : invalid(`无法使用数据库文件：${file}（${reason}）`, []);
  } finally {
    db?.close();
  }
}

/** Makes the fresh copy at `temporary` one self-contained, checked file and returns what it holds. */
function sealCopy(temporary: string): AppResult<DatabaseCounts> {
  const copy = new SQLite(temporary, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problem = integrityProblem(copy);
    if (problem !== null) return integrity(`备份未通过完整性检查：${problem}`);
    return ok(countRows(copy));
  } finally {
    copy.close();
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return ra === rb;
}

/**
 * `jixiao backup OUT`: an online backup of the SQLite store to OUT (a new or regular file, replaced whole), checked
 * before it takes OUT's place. The database may be in use meanwhile; a write in progress is waited for.
 */
export async function backupDatabase(config: StoreConfig, out: string): Promise<AppResult<BackupSummary>> {
  if (config.dialect === 'postgres') return notImplemented(PG_BACKUP_HINT);
  const file = config.file;
  if (!existsSync(file)) return notFound(`数据库文件不存在：${file}`);
  if (await sameFile(file, out)) return invalid(`备份文件不能是数据库本身：${out}`, []);
  const unsafe = await unsafeTargetCode(out);
  if (unsafe !== null) throw outputError(out, unsafe);
  const temporary = temporaryNear(out);
  try {
    return await withSqlite(file, { readonly: true, fileMustExist: true }, async (source) => {
      const foreign = await notJixiao(source);
      if (foreign !== null) return invalid(`不是 Jixiao 数据库：${file}（${foreign}）`, []);
      await source.backup(temporary, { progress: () => ALL_PAGES });
      const sealed = sealCopy(temporary);
      if (!sealed.ok) return sealed;
      const late = await unsafeTargetCode(out); // a link or device put there meanwhile is not replaced either
      if (late !== null) throw outputError(out, late);
      await rename(temporary, out);
      return ok({ file: out, bytes: (await stat(out)).size, counts: sealed.value });
    });
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The backup FILE, checked: a sound SQLite file holding a Jixiao database this program knows. */
async function checkedBackup(file: string): Promise<AppResult<DatabaseCounts>> {
  const found = await stat(file).catch(() => null);
  if (found === null) return notFound(`备份文件不存在：${file}`);
  if (!found.isFile()) return invalid(`备份文件不是普通文件：${file}`, []);
  return withSqlite(file, { readonly: true, fileMustExist: true }, async (db) => {
    const problem = integrityProblem(db);
    if (problem !== null) return integrity(`备份文件未通过完整性检查：${file}（${problem}）`);
    const foreign = await notJixiao(db);
    if (foreign !== null) return invalid(`不是 Jixiao 数据库备份：${file}（${foreign}）`, []);
    return ok(countRows(db));
  });
}

/** Whether the target may be overwritten: absent, or a Jixiao database without datasets, revisions or audit log. */
async function checkedTarget(target: string, force: boolean): Promise<AppResult<null>> {
  if (!existsSync(target)) return ok(null);
  return withSqlite(target, { fileMustExist: true }, (db) => {
    const counts = countRows(db);
    if (force || counts.datasets + counts.revisions + counts.auditLog === 0) return ok(null);
    return conflict(
      `目标数据库不是空的：${target}（${counts.datasets} 个数据集，${counts.revisions} 个版本，` +
        `${counts.auditLog} 条审计记录）；确认要用备份覆盖它，请加 --force`,
    );
  });
}

/**
 * `jixiao restore FILE`: puts the backup FILE in place of the SQLite store, through SQLite's backup into the target
 * (so a reader never sees half a database), then migrates it to this version and checks it. Refuses a file that is
 * not a sound Jixiao database, and a target that holds data unless `force`. Run it with the server stopped: a
 * running server would keep figures cached from before.
 */
export async function restoreDatabase(
  config: StoreConfig,
  file: string,
  options: { force: boolean },
): Promise<AppResult<BackupSummary>> {
  if (config.dialect === 'postgres') return notImplemented(PG_RESTORE_HINT);
  const target = config.file;
  if (await sameFile(file, target)) return invalid(`备份文件就是目标数据库：${file}`, []);
  const backup = await checkedBackup(file);
  if (!backup.ok) return backup;
  const free = await checkedTarget(target, options.force);
  if (!free.ok) return free;
  await mkdir(dirname(target), { recursive: true });
  const copied = await withSqlite(file, { readonly: true, fileMustExist: true }, async (db) => {
    await db.backup(target, { progress: () => ALL_PAGES });
    return ok(null);
  });
  if (!copied.ok) return copied;
  const store = await openStore(config); // migrates a backup of an older version
  await store.close();
  const bytes = (await stat(target)).size;
  return withSqlite(target, { fileMustExist: true }, (db) => {
    const problem = integrityProblem(db);
    if (problem !== null) return integrity(`恢复后的数据库未通过完整性检查：${problem}`);
    return ok({ file: target, bytes, counts: countRows(db) });
  });
}
