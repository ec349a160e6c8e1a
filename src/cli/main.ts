import { Command } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerCheck } from './commands/check.js';
import { registerCompute } from './commands/compute.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerReport } from './commands/report.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerTemplate } from './commands/template.js';
import { registerLog, registerUser } from './commands/user.js';
import { exitFatal } from './fail.js';

/** The jixiao command: each subcommand registers itself from its own file. */
const program = new Command('jixiao')
  .description('绩效 Jixiao：部门整体支出预算绩效自评 — 计算、核对、评分与报告')
  .version('0.1.0')
  .showHelpAfterError('（使用 --help 查看用法）');

// Each register* only declares its command; its action imports the body (src/cli/actions) when it runs, so start-up
// loads commander and these small files only. Keep heavy modules out of the static imports above.
registerCompute(program);
registerCheck(program);
registerScore(program);
registerReport(program);
registerTemplate(program);
registerImport(program);
registerExport(program);
registerServe(program);
registerBackup(program);
registerUser(program);
registerLog(program);

// One handler for whatever a command throws: file errors become `文件无法写入：<path>（…）` with exit 2, anything
// else one Chinese line with exit 70 (the stack only with JIXIAO_DEBUG=1) — never a raw stack trace.
process.on('unhandledRejection', exitFatal);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitFatal(error);
}
