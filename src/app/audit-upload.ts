import type { AuditReport } from './audit-report.js';
import type { AppContext, AppResult } from './context.js';
import { runHeavy } from './heavy/run-heavy.js';

/**
 * 核对已有报告 for an upload: reading a PDF or a Word file of many pages takes seconds and memory, so it runs in the
 * worker pool under its time and memory budget (503 / 413 past them), never on the HTTP loop.
 */
export async function auditUploadedReport(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<AppResult<AuditReport>> {
  const ran = await runHeavy(ctx, { kind: 'audit-report', bytes, fileName }, '报告识别');
  if (!ran.ok) return ran;
  if (ran.result.kind !== 'audit') throw new Error(`audit-report task answered ${ran.result.kind}`);
  return ran.result.read;
}
