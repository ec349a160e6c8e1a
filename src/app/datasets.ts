import type { Dataset } from '../domain/dataset/schema.js';
import { datasetToDocument, type DatasetDocument } from '../ingest/dataset-json.js';
import { appendRevision, writeRevision } from '../store/append-revision.js';
import {
  ensureFiscalYear,
  findDataset,
  findDatasetId,
  insertDataset,
  listDatasets as listRows,
} from '../store/datasets-repo.js';
import { findDepartment } from '../store/departments-repo.js';
import { inTransaction, isUniqueViolation } from '../store/executor.js';
import { conflict, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';
import { diffDocuments } from './diff.js';
import { loadRevision, revisionDraft, validateDocument } from './revision-content.js';
import { datasetRecordToWire, revisionSummaryToWire, type DatasetWire } from './wire.js';

export type DatasetDetail = DatasetWire & { document: DatasetDocument };

export type SaveRequest = { baseRevision: number; document: unknown; author: string; note?: string };

export async function listDatasets(ctx: AppContext, filter: { departmentId?: number; fiscalYear?: number }) {
  return ok((await listRows(ctx.store.db, filter)).map(datasetRecordToWire));
}

/** The dataset with its working copy (latest revision) as a plain document. */
export async function getDataset(ctx: AppContext, id: number): Promise<AppResult<DatasetDetail>> {
  const record = await findDataset(ctx.store.db, id);
  const revision = await loadRevision(ctx, id);
  if (record === undefined || !revision.ok) return notFound(`数据集 ${id} 不存在`);
  return ok({ ...datasetRecordToWire(record), document: JSON.parse(revision.value.document) as DatasetDocument });
}

/** Creates the department-year and its first revision together, or nothing. */
export async function createDatasetFrom(
  ctx: AppContext,
  departmentId: number,
  dataset: Dataset,
  author: string,
  action: 'dataset.create' | 'dataset.import' = 'dataset.create',
): Promise<AppResult<DatasetDetail>> {
  if ((await findDepartment(ctx.store.db, departmentId)) === undefined) return notFound(`部门 ${departmentId} 不存在`);
  const existing = await findDatasetId(ctx.store.db, departmentId, dataset.fiscalYear);
  const duplicate = conflict(`该部门 ${dataset.fiscalYear} 年度的数据集已存在`, { datasetId: existing });
  if (existing !== undefined) return duplicate;
  const at = timestamp(ctx);
  try {
    const id = await inTransaction(ctx.store, async (tx) => {
      await ensureFiscalYear(tx, dataset.fiscalYear, at);
      const datasetId = await insertDataset(tx, departmentId, dataset.fiscalYear, at);
      const draft = revisionDraft(ctx, datasetId, dataset, author, null);
      await writeRevision(tx, 0, draft, { at, actor: author, action, detail: { fiscalYear: dataset.fiscalYear } });
      return datasetId;
    });
    return getDataset(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export async function createDataset(ctx: AppContext, departmentId: number, document: unknown, author: string) {
  const valid = validateDocument(document, ['document']);
  return valid.ok ? createDatasetFrom(ctx, departmentId, valid.value, author) : valid;
}

/**
 * Saves a new revision on top of `baseRevision`. If someone saved in between, nothing is written and the
 * answer carries both versions (the stored latest and the submitted one) and their differences.
 */
export async function saveDatasetFrom(
  ctx: AppContext,
  id: number,
  dataset: Dataset,
  request: Omit<SaveRequest, 'document'>,
  action: 'revision.save' | 'dataset.import' = 'revision.save',
): Promise<AppResult<DatasetDetail>> {
  const latest = await loadRevision(ctx, id);
  if (!latest.ok) return latest;
  const record = await findDataset(ctx.store.db, id);
  if (record !== undefined && record.fiscalYear !== dataset.fiscalYear) {
    return conflict(`预算年度不能修改：数据集为 ${record.fiscalYear} 年度，提交的是 ${dataset.fiscalYear} 年度`);
  }
  const previous = JSON.parse(latest.value.document) as DatasetDocument;
  const draft = revisionDraft(ctx, id, dataset, request.author, previous, request.note);
  const audit = { at: draft.createdAt, actor: request.author, action, detail: { baseRevision: request.baseRevision } };
  const saved = await appendRevision(ctx.store, request.baseRevision, draft, audit);
  if (saved.ok) return getDataset(ctx, id);
  const current = await loadRevision(ctx, id);
  if (!current.ok) return current;
  const latestDocument = JSON.parse(current.value.document) as DatasetDocument;
  const submitted = datasetToDocument(dataset);
  return conflict(
    `数据集已被他人修改（当前为第 ${current.value.revisionNo} 版，提交基于第 ${request.baseRevision} 版），未保存`,
    {
      latest: { ...revisionSummaryToWire(current.value), document: latestDocument },
      submitted: { baseRevision: request.baseRevision, document: submitted },
      changes: diffDocuments(latestDocument, submitted),
    },
  );
}

export async function saveDataset(ctx: AppContext, id: number, request: SaveRequest) {
  const valid = validateDocument(request.document, ['document']);
  return valid.ok ? saveDatasetFrom(ctx, id, valid.value, request) : valid;
}
