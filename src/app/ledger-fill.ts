import { ledgerDepartmentDetail } from '../store/ledger-queries.js';
import type { Actor } from './actor.js';
import { notFound, ok, type AppContext, type AppResult } from './context.js';
import { getDataset, saveDataset } from './datasets.js';
import { fillFromLedger, type LedgerFilled } from './ledger-fill-document.js';

export type LedgerFillReport = { revisionNo: number; filled: LedgerFilled[]; unmatchedProjects: string[] };

/**
 * 由流水填入实际数: the dataset's latest revision with its 基本支出, project actuals and 支付进度 taken from the
 * ledger sums of its department and year, saved as a new revision whose note says so. Refused (404) when the
 * ledger has nothing for that department-year; a figure the schema refuses comes back as the save's findings.
 */
export async function fillDatasetFromLedger(
  ctx: AppContext,
  actor: Actor,
  datasetId: number,
): Promise<AppResult<LedgerFillReport>> {
  const dataset = await getDataset(ctx, datasetId);
  if (!dataset.ok) return dataset;
  const { departmentCode, fiscalYear, latestRevision, document } = dataset.value;
  const detail = await ledgerDepartmentDetail(ctx.store, fiscalYear, departmentCode);
  if (detail.cells.length === 0 && detail.budgets.length === 0) {
    return notFound(`国库支付流水中没有部门 ${departmentCode} ${fiscalYear} 年度的数据`);
  }
  const result = fillFromLedger(document, detail);
  const saved = await saveDataset(ctx, datasetId, {
    baseRevision: latestRevision.revisionNo,
    document: result.document,
    author: actor,
    note: `由国库支付流水填入实际数（${result.filled.length} 项）`,
  });
  if (!saved.ok) return saved;
  const revisionNo = saved.value.latestRevision.revisionNo;
  return ok({ revisionNo, filled: result.filled, unmatchedProjects: result.unmatchedProjects });
}
