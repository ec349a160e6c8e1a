import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildReportModel, type ReportInput } from './model/build-report.js';
import { drawCharts } from './render/chart-images.js';
import { renderReport, type ReportFormat } from './render/index.js';

export type ReportTarget = { format: ReportFormat; path: string };

/** One file to write: where, and its complete content. */
export type OutputFile = { path: string; bytes: Buffer | string };

/** Where `--all` puts each format: `<dir>/<name>.<format>`. */
export function targetsInDirectory(dir: string, name: string, formats: readonly ReportFormat[]): ReportTarget[] {
  return formats.map((format) => ({ format, path: join(dir, `${name}.${format}`) }));
}

/**
 * An errno-shaped error about the user's target `path` (not our temporary name), so whoever reports it names the
 * file the user asked for. `syscall` 'write' says it was being written.
 */
function targetError(cause: unknown, path: string, code?: string): Error {
  const errno = (cause as NodeJS.ErrnoException | null)?.code ?? code ?? 'EIO';
  return Object.assign(new Error(`${errno}: cannot write ${path}`, { cause }), { code: errno, syscall: 'write', path });
}

/**
 * Why an existing `path` may not be replaced, as an errno-style code: a directory (EISDIR), a symbolic link
 * (ESYMLINK: neither followed nor replaced) or anything else that is not a regular file — a device such as
 * /dev/full, a FIFO, a socket (ENOTREG). ESYMLINK and ENOTREG are Jixiao's own codes. Null when `path` does not
 * exist or is a regular file.
 */
export async function unsafeTargetCode(path: string): Promise<string | null> {
  const existing = await lstat(path).catch(() => null);
  if (existing === null || existing.isFile()) return null;
  if (existing.isDirectory()) return 'EISDIR';
  return existing.isSymbolicLink() ? 'ESYMLINK' : 'ENOTREG';
}

/**
 * Makes sure `path` can be written: its directory exists (created when asked) and the path itself is absent or a
 * regular file — never a directory, a symbolic link or a device.
 */
async function verifyTarget(path: string, createDirectories: boolean): Promise<void> {
  const dir = dirname(path);
  // mkdir's own error names the directory that cannot be created, which is the useful path to show.
  if (createDirectories) await mkdir(dir, { recursive: true });
  const dirStat = await stat(dir).catch((error: unknown) => {
    throw targetError(error, path);
  });
  if (!dirStat.isDirectory()) throw targetError(null, path, 'ENOTDIR');
  const unsafe = await unsafeTargetCode(path);
  if (unsafe !== null) throw targetError(null, path, unsafe);
}

/** A fresh temporary name next to `path` (same directory, so the final rename does not cross file systems). */
const temporaryName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);

/** Writes `bytes` to a new file: never through an existing file or symbolic link planted at the temporary name. */
async function writeNewFile(path: string, bytes: Buffer | string): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(path, flags, 0o666);
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

/**
 * Writes every file or none: verifies every target first, writes each to a temporary name next to it, and only
 * when all are written renames them into place. On any failure the temporary files are removed and the error
 * (naming the target) is thrown. `createDirectories` creates missing target directories (reports into a folder).
 */
export async function writeAllOrNothing(
  files: readonly OutputFile[],
  options: { createDirectories: boolean },
): Promise<void> {
  for (const file of files) await verifyTarget(file.path, options.createDirectories);
  const temporaries = files.map((f) => temporaryName(f.path));
  let current = '';
  try {
    for (const [i, file] of files.entries()) {
      current = file.path;
      await writeNewFile(temporaries[i] ?? '', file.bytes);
    }
    for (const [i, file] of files.entries()) {
      current = file.path;
      // Checked again just before: a link or device put there while the files were written is not replaced either.
      const unsafe = await unsafeTargetCode(file.path);
      if (unsafe !== null) throw targetError(null, file.path, unsafe);
      await rename(temporaries[i] ?? '', file.path);
    }
  } catch (error) {
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
    throw targetError(error, current);
  }
}

/** One format of the report, rendered in memory (for `-o -`: the bytes go to standard output). */
export async function renderReportBytes(input: ReportInput, format: ReportFormat): Promise<Buffer | string> {
  const model = buildReportModel(input);
  return renderReport(model, format, drawCharts(model));
}

/**
 * Builds the report model, renders every target in memory, and only then writes all the files at once
 * (`writeAllOrNothing`), so a report run leaves every file or none — never two of four.
 */
export async function writeReports(input: ReportInput, targets: readonly ReportTarget[]): Promise<ReportTarget[]> {
  const model = buildReportModel(input);
  const charts = drawCharts(model);
  const files: OutputFile[] = [];
  for (const target of targets)
    files.push({ path: target.path, bytes: await renderReport(model, target.format, charts) });
  await writeAllOrNothing(files, { createDirectories: true });
  return [...targets];
}
