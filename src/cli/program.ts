import { Command } from 'commander';
import { CHINESE_HELP, chineseCommanderError, exitCodeFor } from './commander-text.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCheck } from './commands/check.js';
import { registerCompute } from './commands/compute.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerLedger } from './commands/ledger.js';
import { registerReport } from './commands/report.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerTemplate } from './commands/template.js';
import { registerLog, registerUser } from './commands/user.js';

/** Where the program writes and how it ends; tests pass their own to run it in-process. */
export type ProgramIo = {
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
  exit?: (code: number) => never;
  /** Columns to wrap help at (default: the terminal's, else 80). */
  helpWidth?: number;
};

/**
 * The jixiao command, all in Chinese: help, usage errors (exit 2), --help and --version (exit 0). Subcommands copy
 * these settings when they are created, so they are set before any command registers itself.
 */
export function createProgram(io: ProgramIo = {}): Command {
  const exit = io.exit ?? ((code: number) => process.exit(code));
  const width = io.helpWidth ?? 80;
  const program = new Command('jixiao')
    .description('绩效 Jixiao：部门整体支出预算绩效自评 — 计算、核对、评分与报告')
    .configureHelp(CHINESE_HELP)
    .configureOutput({
      ...(io.writeOut === undefined ? {} : { writeOut: io.writeOut }),
      ...(io.writeErr === undefined ? {} : { writeErr: io.writeErr }),
      ...(io.helpWidth === undefined ? {} : { getOutHelpWidth: () => width, getErrHelpWidth: () => width }),
      outputError: (text, write) => write(chineseCommanderError(text)),
    })
    .exitOverride((error) => exit(exitCodeFor(error)))
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .version('0.1.0', '-V, --version', '显示版本号')
    .showHelpAfterError('（使用 --help 查看用法）');

  // Each register* only declares its command; its action imports the body (src/cli/actions) when it runs, so start-up
  // loads commander and these small files only. Keep heavy modules out of the static imports above.
  registerCompute(program);
  registerCheck(program);
  registerScore(program);
  registerAudit(program);
  registerReport(program);
  registerTemplate(program);
  registerImport(program);
  registerExport(program);
  registerLedger(program);
  registerServe(program);
  registerBackup(program);
  registerUser(program);
  registerLog(program);
  return program;
}
