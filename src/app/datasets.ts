import type { WorkflowState } from '../store/workflow-repo.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { datasetToDocument, type DatasetDocument } from '../ingest/dataset-json.js';
import { appendRevision, writeRevision, type AppendResult } from '../store/append-revision.js';
import {
  ensureFiscalYear,
  findDataset,
  findDatasetId,
  insertDataset,
  listDatasets as listRows,
  type DatasetFilter,
} from '../store/datasets-repo.js';
import { findDepartment, type DepartmentFields } from '../store/departments-repo.js';
import { StoreRangeError } from '../store/fen-codec.js';
import { inTransaction, isUniqueViolation } from '../store/executor.js';
import { actorLabel, actorRole, type Actor } from './actor.js';
import { conflict, invalid, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';
import { insertDepartmentAudited } from './departments.js';
import { cacheAnalysis } from './analysis-cache.js';
import { cacheOverview } from './overview.js';
import { diffDocuments } from './diff.js';
import { loadRevision, prepareRevision, revisionDraft } from './revision-content.js';
import type { Revision } from '../store/revisions-repo.js';
import { turnstileOf } from './turnstile.js';
import type { DraftInput, PreparedDraft } from './revision-evaluation.js';
import { datasetRecordToWire, revisionSummaryToWire, type DatasetWire } from './wire.js';

/**
 * A dataset with one revision's document. After a write, `latestRevision` and `document` are the revision that
 * write produced and `writtenRevision` its number, even when another save has already followed it.
 */
export type DatasetDetail = DatasetWire & {
  document: DatasetDocument;
  writtenRevision?: number;
  /** A save that changed nothing: no revision was written; `writtenRevision` is the latest, which holds it. */
  unchanged?: true;
};

export type SaveRequest = { baseRevision: number; document: unknown; author: Actor; note?: string };

/** 数据集列表. A dataset whose row cannot be read is left out and logged, so one bad row never fails the list. */
export async function listDatasets(ctx: AppContext, filter: DatasetFilter) {
  const { records, unreadable } = await listRows(ctx.store.db, filter);
  const listed: DatasetWire[] = [];
  for (const record of records) {
    try {
      listed.push(datasetRecordToWire(record));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      unreadable.push({ id: record.id, reason: error.message });
    }
  }
  for (const bad of unreadable) {
    ctx.log?.error({ datasetId: bad.id, reason: bad.reason }, `数据集 ${bad.id} 的最新版本无法读取，已从列表中略去`);
  }
  return ok(listed);
}

/** The dataset with the document of one revision (the working copy, i.e. the latest, unless given). */
async function detailOf(ctx: AppContext, id: number, revisionNo?: number): Promise<AppResult<DatasetDetail>> {
  const record = await findDataset(ctx.store.db, id);
  const revision = await loadRevision(ctx, id, revisionNo);
  if (record === undefined || !revision.ok) return notFound(`数据集 ${id} 不存在`);
  const wire = datasetRecordToWire({ ...record, latest: revision.value });
  const document = JSON.parse(revision.value.document) as DatasetDocument;
  return ok(revisionNo === undefined ? { ...wire, document } : { ...wire, document, writtenRevision: revisionNo });
}

export function getDataset(ctx: AppContext, id: number): Promise<AppResult<DatasetDetail>> {
  return detailOf(ctx, id);
}

/** The submitted (or approved) revision is frozen until the reviewer returns it. */
function frozen(state: WorkflowState, stateRevision: number | null) {
  const what = state === 'submitted' ? '已提交审核' : '已审核通过';
  return conflict(`第 ${stateRevision ?? 0} 版${what}，退回前不能修改，未保存`, { state, stateRevision });
}

/** A value the store cannot hold (StoreRangeError): refused as a bad document, nothing written. */
function outOfRange(error: StoreRangeError) {
  return invalid(`数据超出可存储的范围，未保存`, [
    { severity: 'error', code: error.code, message: error.message, path: ['document'], pathText: '$.document' },
  ]);
}

/** Where a new dataset goes: an existing department, or one created in the same transaction (import). */
export type DatasetOwner = { departmentId: number } | { newDepartment: DepartmentFields };

/** Creates the department-year (and, for an import, its department) and its first revision together, or nothing. */
export async function createDatasetFrom(
  ctx: AppContext,
  owner: DatasetOwner,
  dataset: Dataset,
  actor: Actor,
  action: 'dataset.create' | 'dataset.import' = 'dataset.create',
): Promise<AppResult<DatasetDetail>> {
  const prepared = await prepareRevision(ctx, { dataset }, null);
  return prepared.ok ? createPrepared(ctx, owner, prepared.value, actor, action) : prepared;
}

async function createPrepared(
  ctx: AppContext,
  owner: DatasetOwner,
  prepared: PreparedDraft,
  actor: Actor,
  action: 'dataset.create' | 'dataset.import' = 'dataset.create',
): Promise<AppResult<DatasetDetail>> {
  const { fiscalYear } = prepared.dataset;
  if ('departmentId' in owner) {
    if ((await findDepartment(ctx.store.db, owner.departmentId)) === undefined)
      return notFound(`部门 ${owner.departmentId} 不存在`);
    const existing = await findDatasetId(ctx.store.db, owner.departmentId, fiscalYear);
    if (existing !== undefined) return conflict(`该部门 ${fiscalYear} 年度的数据集已存在`, { datasetId: existing });
  }
  const at = timestamp(ctx);
  try {
    const created = await inTransaction(ctx.store, async (tx) => {
      const departmentId =
        'departmentId' in owner
          ? owner.departmentId
          : (await insertDepartmentAudited(tx, owner.newDepartment, at, actor)).id;
      await ensureFiscalYear(tx, fiscalYear, at);
      const datasetId = await insertDataset(tx, departmentId, fiscalYear, at);
      const draft = revisionDraft(ctx, datasetId, prepared, actorLabel(actor));
      const audit = { at, actor: actorLabel(actor), actorRole: actorRole(actor), departmentId, action };
      await writeRevision(tx, 0, draft, { ...audit, detail: { fiscalYear } });
      return { datasetId };
    });
    cacheWritten(ctx, created.datasetId, 1, prepared);
    return await detailOf(ctx, created.datasetId, 1);
  } catch (error) {
    if (error instanceof StoreRangeError) return outOfRange(error);
    if (!isUniqueViolation(error)) throw error;
    return 'departmentId' in owner
      ? conflict(`该部门 ${fiscalYear} 年度的数据集已存在`)
      : conflict(`部门编码已存在或该部门 ${fiscalYear} 年度的数据集已存在，请重试`);
  }
}

/** The answers and overview row the worker computed for a revision just written, for its first reads. */
function cacheWritten(ctx: AppContext, datasetId: number, revisionNo: number, prepared: PreparedDraft) {
  cacheAnalysis(ctx, datasetId, revisionNo, prepared.analysis);
  // A failed row names its revision: computed again by the overview with its number.
  if (prepared.overview.ok) cacheOverview(ctx, datasetId, revisionNo, prepared.overview);
}

export async function createDataset(ctx: AppContext, departmentId: number, document: unknown, author: Actor) {
  const prepared = await prepareRevision(ctx, { raw: document }, null);
  return prepared.ok ? createPrepared(ctx, { departmentId }, prepared.value, author) : prepared;
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
  return savePrepared(ctx, id, { dataset }, request, action);
}

export async function saveDataset(ctx: AppContext, id: number, request: SaveRequest) {
  const { document, ...rest } = request;
  return savePrepared(ctx, id, { raw: document }, rest, 'revision.save');
}

/** The parse and evaluation run in the worker pool; the checks and the write here, in this order, as before. */
async function savePrepared(
  ctx: AppContext,
  id: number,
  input: DraftInput,
  request: Omit<SaveRequest, 'document'>,
  action: 'revision.save' | 'dataset.import',
): Promise<AppResult<DatasetDetail>> {
  const latest = await loadRevision(ctx, id);
  const prepared = await prepareRevision(ctx, input, latest.ok ? latest.value.document : null);
  // A document with errors is refused first (400), whatever the dataset, as before the move to the pool.
  if (!prepared.ok && prepared.error.kind === 'INVALID') return prepared;
  if (!latest.ok) return latest;
  if (!prepared.ok) return prepared;
  return turnstileOf(ctx.store).run(() => writePrepared(ctx, id, latest.value, prepared.value, request, action));
}

/** The checks and the write of a prepared save, in one turn of the event loop (see `Turnstile`). */
async function writePrepared(
  ctx: AppContext,
  id: number,
  latest: Revision,
  prepared: PreparedDraft,
  request: Omit<SaveRequest, 'document'>,
  action: 'revision.save' | 'dataset.import',
): Promise<AppResult<DatasetDetail>> {
  const { dataset } = prepared;
  const record = await findDataset(ctx.store.db, id);
  if (record !== undefined && record.fiscalYear !== dataset.fiscalYear) {
    return conflict(`预算年度不能修改：数据集为 ${record.fiscalYear} 年度，提交的是 ${dataset.fiscalYear} 年度`);
  }
  const draft = revisionDraft(ctx, id, prepared, actorLabel(request.author), request.note);
  // Checked again under the row lock when writing; checked here so that an unchanged save is refused too.
  if (record !== undefined && (record.state === 'submitted' || record.state === 'approved'))
    return frozen(record.state, record.stateRevision);
  // Nothing changed against the latest revision: nothing is written (no empty revision, no conflict to resolve).
  if (request.baseRevision === latest.revisionNo && draft.document === latest.document) {
    const same = await detailOf(ctx, id, latest.revisionNo);
    return same.ok ? ok({ ...same.value, unchanged: true }) : same;
  }
  const audit = {
    at: draft.createdAt,
    actor: actorLabel(request.author),
    actorRole: actorRole(request.author),
    departmentId: record?.departmentId ?? null,
    action,
    detail: { baseRevision: request.baseRevision },
  };
  let saved: AppendResult;
  try {
    saved = await appendRevision(ctx.store, request.baseRevision, draft, audit);
  } catch (error) {
    if (error instanceof StoreRangeError) return outOfRange(error);
    throw error;
  }
  if (saved.ok) {
    cacheWritten(ctx, id, saved.revisionNo, prepared);
    return detailOf(ctx, id, saved.revisionNo);
  }
  if (saved.reason === 'FROZEN') return frozen(saved.state, saved.stateRevision);
  return stale(ctx, id, request.baseRevision, dataset);
}

/** 409 with both versions: the stored latest and the submitted one, and their differences. */
async function stale(ctx: AppContext, id: number, baseRevision: number, dataset: Dataset) {
  const current = await loadRevision(ctx, id);
  if (!current.ok) return current;
  const latestDocument = JSON.parse(current.value.document) as DatasetDocument;
  const submitted = datasetToDocument(dataset);
  return conflict(
    `数据集已被他人修改（当前为第 ${current.value.revisionNo} 版，提交基于第 ${baseRevision} 版），未保存`,
    {
      latest: { ...revisionSummaryToWire(current.value), document: latestDocument },
      submitted: { baseRevision, document: submitted },
      changes: diffDocuments(latestDocument, submitted),
    },
  );
}
