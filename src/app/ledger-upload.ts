import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from './actor.js';
import { ok, type AppContext, type AppResult } from './context.js';
import { importLedger, type LedgerImportReport } from './ledger-import.js';

/** How many rejected lines an upload's answer lists (the reconciliation counts them all). */
export const REJECT_SAMPLE = 100;

export type LedgerUploadReport = LedgerImportReport & { rejects: string[] };

/** One ledger import at a time per process (a server is one): imports are long and write much; a second retries. */
let running = false;

/**
 * 上传导入流水 (API): the uploaded ledger and budgets go to a private temporary directory, are imported exactly as
 * `jixiao ledger import` does, and are removed; the answer carries the first rejected lines.
 */
export async function importLedgerUpload(
  ctx: AppContext,
  actor: Actor,
  upload: { ledger: Uint8Array; budgets: Uint8Array; fileName: string },
): Promise<AppResult<LedgerUploadReport>> {
  if (running) return { ok: false, error: { kind: 'BUSY', message: '另一次流水导入正在进行，请稍后重试' } };
  running = true;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-upload-'));
  try {
    writeFileSync(join(dir, 'ledger.csv'), upload.ledger);
    writeFileSync(join(dir, 'budgets.csv'), upload.budgets);
    const rejectFile = join(dir, 'rejects.csv');
    const result = await importLedger(ctx, actor, {
      ledgerPath: join(dir, 'ledger.csv'),
      budgetsPath: join(dir, 'budgets.csv'),
      rejectFile,
      fileName: upload.fileName,
    });
    if (!result.ok) return result;
    const rejects = readFileSync(rejectFile, 'utf8')
      .split('\n')
      .slice(1, REJECT_SAMPLE + 1)
      .filter((l) => l !== '');
    return ok({ ...result.value, rejectFile: null, rejects });
  } finally {
    running = false;
    rmSync(dir, { recursive: true, force: true });
  }
}
