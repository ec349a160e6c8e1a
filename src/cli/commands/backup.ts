import type { Command } from 'commander';
import type { BackupOptions, RestoreOptions } from '../actions/backup.js';

const DB_OPTION =
  'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时为 PostgreSQL，用 pg_dump / pg_restore）';

/** `jixiao backup OUT` and `jixiao restore FILE` (docs/operations.md); the store loads only when one of them runs. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('在线备份 SQLite 数据库到一个文件（服务可继续运行；备份经完整性检查）')
    .argument('<out>', '备份文件（新文件或普通文件，整体替换）')
    .option('--db <file>', DB_OPTION)
    .action(async (out: string, options: BackupOptions) => (await import('../actions/backup.js')).backup(out, options));
  program
    .command('restore')
    .description('用备份文件恢复 SQLite 数据库（先停止服务；目标库有数据时须加 --force）')
    .argument('<file>', '备份文件（jixiao backup 所写）')
    .option('--db <file>', DB_OPTION)
    .option('--force', '目标数据库已有数据时仍用备份覆盖')
    .action(async (file: string, options: RestoreOptions) =>
      (await import('../actions/backup.js')).restore(file, options),
    );
}
