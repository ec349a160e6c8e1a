import type { Command } from 'commander';
import type { AppResult } from '../../app/context.js';
import type { BackupSummary } from '../../app/backup.js';
import { EXIT_INVALID_INPUT } from '../fail.js';

type BackupOptions = { db?: string };
type RestoreOptions = { db?: string; force?: boolean };

const DB_OPTION =
  'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时为 PostgreSQL，用 pg_dump / pg_restore）';

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

/** `jixiao backup OUT` and `jixiao restore FILE` (docs/operations.md). */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('在线备份 SQLite 数据库到一个文件（服务可继续运行；备份经完整性检查）')
    .argument('<out>', '备份文件（新文件或普通文件，整体替换）')
    .option('--db <file>', DB_OPTION)
    .action(async (out: string, options: BackupOptions) => {
      const [{ backupDatabase }, { storeConfigFrom }] = await Promise.all([
        import('../../app/backup.js'),
        import('../../store/connect.js'),
      ]);
      const result = await backupDatabase(storeConfigFrom(process.env, options.db), out);
      report(result, (summary) => `已备份：${summary.file}${summaryText(summary)}`);
    });
  program
    .command('restore')
    .description('用备份文件恢复 SQLite 数据库（先停止服务；目标库有数据时须加 --force）')
    .argument('<file>', '备份文件（jixiao backup 所写）')
    .option('--db <file>', DB_OPTION)
    .option('--force', '目标数据库已有数据时仍用备份覆盖')
    .action(async (file: string, options: RestoreOptions) => {
      const [{ restoreDatabase }, { storeConfigFrom }] = await Promise.all([
        import('../../app/backup.js'),
        import('../../store/connect.js'),
      ]);
      const result = await restoreDatabase(storeConfigFrom(process.env, options.db), file, {
        force: options.force === true,
      });
      report(result, (summary) => `已恢复：${summary.file}${summaryText(summary)}；如服务正在运行，请重启它`);
    });
}
