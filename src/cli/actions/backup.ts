// The bodies of `jixiao backup` and `jixiao restore`, loaded only when one of them runs (the store is heavy).
import type { AppResult } from '../../app/context.js';
import { backupDatabase, restoreDatabase, type BackupSummary } from '../../app/backup.js';
import { storeConfigFrom } from '../../store/connect.js';
import { EXIT_INVALID_INPUT } from '../fail.js';

export type BackupOptions = { db?: string };
export type RestoreOptions = { db?: string; force?: boolean };

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `（2 个数据集，3 个版本，5 条审计记录；1.2 MB）` */
function summaryText(summary: BackupSummary): string {
  const { datasets, revisions, auditLog } = summary.counts;
  return `（${datasets} 个数据集，${revisions} 个版本，${auditLog} 条审计记录；${megabytes(summary.bytes)}）`;
}

/** Prints the outcome: the summary line on stdout, or the refusal as one Chinese line on stderr with exit 2. */
function report(result: AppResult<BackupSummary>, done: (summary: BackupSummary) => string): void {
  if (!result.ok) {
    process.stderr.write(`${result.error.message}\n`);
    process.exit(EXIT_INVALID_INPUT);
  }
  process.stdout.write(`${done(result.value)}\n`);
}

export async function backup(out: string, options: BackupOptions): Promise<void> {
  const result = await backupDatabase(storeConfigFrom(process.env, options.db), out);
  report(result, (summary) => `已备份：${summary.file}${summaryText(summary)}`);
}

export async function restore(file: string, options: RestoreOptions): Promise<void> {
  const result = await restoreDatabase(storeConfigFrom(process.env, options.db), file, {
    force: options.force === true,
  });
  report(result, (summary) => `已恢复：${summary.file}${summaryText(summary)}；如服务正在运行，请重启它`);
}
