// The file side of import, export and template. Loaded on demand by those commands, so the others start without
// the store (and keep working while it is being changed).
import { CLI_ACTOR } from '../app/actor.js';
import { readFile } from 'node:fs/promises';
import type { AppContext, AppResult } from '../app/context.js';
import { exportDataset, importDataset, readUpload, renderDataset, type Upload } from '../app/import-export.js';
import { formatFromName, openAppContext } from '../app/open-context.js';
import { readTextFile, type LocatedFinding } from '../ingest/located-yaml.js';
import { writeAllOrNothing } from '../report/write-report.js';
import { exitInvalid, exitWithAppError } from './fail.js';

/** Runs `use` against the database (`--db`, else DATABASE_URL or data/jixiao.sqlite) and closes it either way. */
async function withStore<T>(db: string | undefined, use: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openAppContext(db);
  try {
    return await use(ctx);
  } finally {
    await ctx.store.close();
  }
}

/** Reads an import/export input (workbook bytes or YAML/JSON text); a missing or unreadable file exits 2. */
export async function readUploadOrExit(file: string): Promise<Upload> {
  const format = formatFromName(file);
  if (format !== 'xlsx') {
    const read = await readTextFile(file, 'FILE_UNREADABLE', '文件');
    return read.ok ? { format, content: read.text, fileName: file } : exitInvalid(read.errors, false);
  }
  try {
    return { format, content: await readFile(file), fileName: file };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '不存在' : '无法读取';
    const finding: LocatedFinding = {
      severity: 'error',
      code: 'FILE_UNREADABLE',
      message: `文件${reason}：${file}`,
      path: [],
      location: { file },
    };
    return exitInvalid([finding], false);
  }
}

const valueOrExit = <T>(result: AppResult<T>): T => (result.ok ? result.value : exitWithAppError(result.error));

/** An upload converted to another format (`.xlsx`, `.json`, else YAML); every problem located, exit 2. */
export async function convertUpload(upload: Upload, output: string | undefined): Promise<Buffer> {
  const dataset = valueOrExit(await readUpload(upload));
  return valueOrExit(await renderDataset(dataset, output === undefined ? 'yaml' : formatFromName(output)));
}

/** A stored dataset's revision (latest by default) in the format `output` names. */
export async function exportFromStore(
  db: string | undefined,
  datasetId: number,
  output: string,
  revision?: number,
): Promise<Buffer> {
  const result = await withStore(db, (ctx) =>
    exportDataset(ctx, datasetId, formatFromName(output), CLI_ACTOR, revision),
  );
  return valueOrExit(result).body;
}

/** `jixiao import --save` options: the database, the department and base revision (both optional), the actor. */
export type StoreImport = { db?: string; department?: number; base?: number; author: string };

/** Imports into the database; returns the line to print (`已导入：数据集 3，第 2 版`). */
export async function importToStore(upload: Upload, options: StoreImport): Promise<string> {
  const extra = {
    ...(options.department === undefined ? {} : { departmentId: options.department }),
    ...(options.base === undefined ? {} : { baseRevision: options.base }),
  };
  const result = await withStore(options.db, (ctx) =>
    importDataset(ctx, { ...upload, actor: { kind: 'system', label: options.author }, ...extra }),
  );
  const value = valueOrExit(result);
  return value.saved ? `已导入：数据集 ${value.id}，第 ${value.latestRevision.revisionNo} 版\n` : '';
}

/** Writes one output file whole or not at all; its directory must exist (a typo in -o is an error, not a mkdir). */
export async function writeOutput(path: string, bytes: Buffer): Promise<void> {
  await writeAllOrNothing([{ path, bytes }], { createDirectories: false });
}
