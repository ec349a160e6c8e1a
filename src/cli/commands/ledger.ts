import type { Command } from 'commander';
import type { LedgerImportOptions, LedgerProgressOptions } from '../actions/ledger.js';

// The store and the ledger reader load only when a subcommand runs.
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('国库集中支付流水：导入并汇总，查看支付进度（双监控）');
  ledger
    .command('import')
    .description(
      '导入支付流水（CSV，UTF-8 或 GBK）：逐行校验，凭证号去重，按部门、项目、经济分类与月份汇总入库；最后对账（读取 = 接收 + 拒收）。有非重复原因的拒收行时退出码 1',
    )
    .argument('<file>', '支付流水 CSV 文件')
    .requiredOption('--budgets <file>', '预算表 CSV（部门编码、项目编码、经济分类编码、年初预算、调整数）')
    .option('--reject-file <file>', '拒收行写入此 CSV（行号、代码、原因、原始行）')
    .option('--json', '以 JSON 输出导入结果与对账')
    .option('--db <file>', 'SQLite 数据库文件（缺省 data/jixiao.sqlite；设置 DATABASE_URL 时用 PostgreSQL）')
    .action(async (file: string, options: LedgerImportOptions) =>
      (await import('../actions/ledger.js')).ledgerImport(file, options),
    );
  ledger
    .command('progress')
    .description('各部门截至某日的累计支付进度与序时进度；滞后的部门标出并排在前面')
    .requiredOption('--as-of <date>', '截至日期 YYYY-MM-DD')
    .option('--pack <name>', '按规则包的序时进度节点（如 hunan）；缺省按月线性')
    .option('--json', '以 JSON 输出')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (options: LedgerProgressOptions) =>
      (await import('../actions/ledger.js')).ledgerProgressCommand(options),
    );
}
