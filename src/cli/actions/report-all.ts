// The body of `jixiao report --all --year Y -o DIR`, loaded only when it runs (the store, the worker pool).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { bulkReportItems, renderBulkReports, type BulkItem, type BulkOutcome } from '../../app/bulk-reports.js';
import { createWorkerPool, type HeavyRunner } from '../../app/heavy/pool.js';
import { configuredWorkerNice } from '../../app/heavy/thread-priority.js';
import { openAppContext } from '../../app/open-context.js';
import type { AppContext } from '../../app/context.js';
import type { ReportFormat } from '../../report/render/index.js';
import { writeAllOrNothing } from '../../report/write-report.js';
import { fileErrorMessage } from '../fail.js';

export type BulkReportOptions = {
  year: number;
  output: string;
  formats: readonly ReportFormat[];
  published: boolean;
  db?: string | undefined;
  /** Worker threads (JIXIAO_WORKERS, else one per core); 0 renders in this thread (tests). */
  workers: number;
};

export type BulkReportSummary = { written: number; files: number; failed: { item: BulkItem; message: string }[] };

/** Worker threads for a bulk run: JIXIAO_WORKERS when it is a non-negative integer, else one per core. */
export function bulkWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['JIXIAO_WORKERS'] ?? '');
  return env['JIXIAO_WORKERS'] !== undefined && Number.isInteger(n) && n >= 0 ? n : Math.max(1, availableParallelism());
}

/** Writes one department's files atomically (all of its formats or none); a file error fails only this department. */
async function writeOutcome(outcome: BulkOutcome, options: BulkReportOptions, summary: BulkReportSummary) {
  if (!outcome.ok) return void summary.failed.push({ item: outcome.item, message: outcome.message });
  const files = outcome.files.map((f) => ({
    path: join(options.output, `${outcome.item.fileStem}.${f.format}`),
    bytes: f.bytes,
  }));
  try {
    await writeAllOrNothing(files, { createDirectories: true });
    summary.written += 1;
    summary.files += files.length;
  } catch (error) {
    const message = fileErrorMessage(error) ?? (error instanceof Error ? error.message : String(error));
    summary.failed.push({ item: outcome.item, message });
  }
}

/**
 * A bulk worker's young generation (MB): each report leaves a few dozen MB of short-lived garbage, and with the
 * server's 12 MB the workers collected it so often that a department took 137 against 102 ms (bench:report, 200
 * departments, alternated; 32 MB 113–116 ms, 96 and 192 MB no better than 64). It costs about 200 MB of peak RSS
 * (200 departments: 538 → 732 MB; 1,000: 789 MB), which a batch can spend; the server's pool keeps 12 MB.
 */
const BULK_YOUNG_GENERATION_MB = 64;

/** Renders and writes every department's report of the year; the summary says what was written and what failed. */
export async function writeBulkReports(
  ctx: AppContext,
  options: BulkReportOptions,
  onProgress?: (total: number, done: number) => void,
): Promise<BulkReportSummary> {
  const items = await bulkReportItems(ctx, { fiscalYear: options.year, publishedOnly: options.published });
  const summary: BulkReportSummary = { written: 0, files: 0, failed: [] };
  const runner: HeavyRunner | undefined =
    options.workers > 0 && items.length > 0
      ? createWorkerPool({
          size: options.workers,
          maxQueue: 1024,
          nice: batchNice(),
          youngGenerationMb: BULK_YOUNG_GENERATION_MB,
        })
      : undefined;
  onProgress?.(items.length, 0);
  try {
    await renderBulkReports(ctx, items, options.formats, { runner, published: options.published }, async (o) => {
      await writeOutcome(o, options, summary);
      onProgress?.(items.length, summary.written + summary.failed.length);
    });
  } finally {
    await runner?.close();
  }
  return summary;
}

/** The summary line (stdout) and, when some failed, the list of failures (stderr). */
function printSummary(summary: BulkReportSummary, options: BulkReportOptions, seconds: number): void {
  const what = options.formats.map((f) => f.toUpperCase()).join('、');
  const which = options.published ? '已公开' : '最新';
  const failed = summary.failed.length === 0 ? '' : `，${summary.failed.length} 个部门失败`;
  process.stdout.write(
    `${options.year} 年度：已生成 ${summary.written} 个部门的${which}报告（${what}，共 ${summary.files} 个文件）` +
      `到 ${options.output}${failed}，用时 ${seconds.toFixed(1)} 秒\n`,
  );
  if (summary.failed.length > 0)
    process.stderr.write(
      `生成失败的部门：\n${summary.failed.map((f) => `  ${f.item.departmentCode} ${f.item.departmentName}：${f.message}`).join('\n')}\n`,
    );
}

/** `jixiao report --all --year Y -o DIR`: a progress bar on a terminal, a summary line, exit 1 when some failed. */
export async function reportAll(options: BulkReportOptions): Promise<number> {
  const started = performance.now();
  const ctx = await openAppContext(options.db);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: '生成报告 [{bar}] {value}/{total} 个部门 {percentage}% 剩余 {eta_formatted}',
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let summary: BulkReportSummary;
  try {
    summary = await writeBulkReports(ctx, options, (total, done) =>
      done === 0 ? bar?.start(total, 0) : bar?.update(done),
    );
  } finally {
    bar?.stop();
    await ctx.store.close();
  }
  if (summary.failed.length === 0 && summary.written === 0)
    process.stderr.write(`${options.year} 年度没有${options.published ? '已公开的' : ''}数据集，未生成报告\n`);
  else printSummary(summary, options, (performance.now() - started) / 1000);
  return summary.failed.length === 0 ? 0 : 1;
}

/**
 * A batch has no HTTP loop of its own to protect, so its workers run at nice 0 (at 10, other processes on a busy
 * machine starve it) unless JIXIAO_WORKER_NICE says otherwise (say, beside a `jixiao serve` on the same host).
 */
function batchNice(): number {
  return process.env['JIXIAO_WORKER_NICE'] === undefined ? 0 : configuredWorkerNice();
}
