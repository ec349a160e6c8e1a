// The bodies of `jixiao ledger import` and `jixiao ledger progress`, loaded only when they run.
import cliProgress from 'cli-progress';
import { CLI_ACTOR } from '../../app/actor.js';
import { importLedger, type LedgerImportReport } from '../../app/ledger-import.js';
import { ledgerProgress, type LedgerProgress } from '../../app/ledger-progress.js';
import { openAppContext } from '../../app/open-context.js';
import type { AppContext, AppResult } from '../../app/context.js';
import { REJECT_REASONS, type LedgerRejectCode } from '../../ingest/ledger/ledger-codes.js';
import { exitWithAppError, EXIT_INVALID_INPUT } from '../fail.js';
import { padDisplay, writeJson } from '../output.js';

export type LedgerImportOptions = { budgets: string; rejectFile?: string; json?: boolean; db?: string };
export type LedgerProgressOptions = { asOf: string; pack?: string; json?: boolean; db?: string };

async function withContext<T>(db: string | undefined, use: (ctx: AppContext) => Promise<AppResult<T>>, json: boolean) {
  const ctx = await openAppContext(db);
  let result: AppResult<T>;
  try {
    result = await use(ctx);
  } finally {
    await ctx.store.close();
  }
  if (result.ok) return result.value;
  if (json) {
    writeJson({ ok: false, error: result.error });
    process.exit(result.error.kind === 'INVALID' ? EXIT_INVALID_INPUT : 1);
  }
  return exitWithAppError(result.error);
}

function progressBar(): { update: (read: number, total: number) => void; stop: () => void } | null {
  if (process.stderr.isTTY !== true) return null;
  const bar = new cliProgress.SingleBar(
    { format: '导入流水 [{bar}] {percentage}% 剩余 {eta_formatted}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (read, total) => {
      if (!started) bar.start(Math.max(total, 1), 0);
      started = true;
      bar.update(read);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function importText(report: LedgerImportReport): string {
  const lines = [
    `流水导入完成：${report.year} 年度，第 ${report.runId} 号导入，编码 ${report.encoding}`,
    `对账：读取 ${report.linesRead} 行 = 接收 ${report.accepted} + 拒收 ${report.rejected}${report.reconciled ? '' : '（不平！）'}`,
    `接收金额合计：${report.acceptedTotal} 元`,
  ];
  for (const [code, count] of Object.entries(report.rejectedByCode)) {
    lines.push(`  拒收 ${count} 行：${code}（${REJECT_REASONS[code as LedgerRejectCode]}）`);
  }
  if (report.rejectFile !== null) lines.push(`拒收行已写入：${report.rejectFile}`);
  return `${lines.join('\n')}\n`;
}

/** Exit 1 when a line was rejected for a reason other than an already counted voucher (the data has errors). */
export async function ledgerImport(file: string, options: LedgerImportOptions): Promise<void> {
  const bar = options.json === true ? null : progressBar();
  const report = await withContext(
    options.db,
    (ctx) =>
      importLedger(ctx, CLI_ACTOR, {
        ledgerPath: file,
        budgetsPath: options.budgets,
        ...(options.rejectFile === undefined ? {} : { rejectFile: options.rejectFile }),
        ...(bar === null ? {} : { onProgress: bar.update }),
      }),
    options.json === true,
  ).finally(() => bar?.stop());
  if (options.json === true) writeJson({ ok: true, ...report });
  else process.stdout.write(importText(report));
  const duplicates = report.rejectedByCode['LEDGER_DUPLICATE_VOUCHER'] ?? 0;
  process.exitCode = report.rejected > duplicates ? 1 : 0;
}

function progressText(progress: LedgerProgress): string {
  const schedule = progress.pack === null ? '按月线性' : `规则包 ${progress.pack}`;
  const head = `截至 ${progress.asOf} 的支付进度（序时进度${schedule}）：${progress.departments.length} 个部门，滞后 ${progress.laggingCount} 个`;
  const columns = ['部门编码', '部门名称', '全年预算（元）', '累计支付（元）', '支付进度', '序时进度', '差距', '状态'];
  const widths = [12, 30, 16, 16, 10, 10, 10, 6];
  const row = (cells: string[]) =>
    cells
      .map((c, i) => padDisplay(c, widths[i]!))
      .join(' ')
      .trimEnd();
  const rows = progress.departments.map((d) =>
    row([
      d.departmentCode,
      d.departmentName,
      d.fullYearBudget,
      d.paid,
      d.progress === null ? '—' : `${d.progress}%`,
      `${d.schedule}%`,
      d.lag === null ? '—' : d.lag,
      d.lagging ? '滞后' : '正常',
    ]),
  );
  return `${[head, row(columns), ...rows].join('\n')}\n`;
}

/** Lagging departments are flagged in the output; they are not an error of the command (exit 0). */
export async function ledgerProgressCommand(options: LedgerProgressOptions): Promise<void> {
  const progress = await withContext(
    options.db,
    (ctx) =>
      ledgerProgress(ctx, CLI_ACTOR, {
        asOf: options.asOf,
        ...(options.pack === undefined ? {} : { pack: options.pack }),
      }),
    options.json === true,
  );
  if (options.json === true) writeJson({ ok: true, ...progress });
  else process.stdout.write(progressText(progress));
}
