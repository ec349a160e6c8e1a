import type { DatasetDocument } from '../ingest/dataset-json.js';
import { appendAudit } from '../store/audit-repo.js';
import { findDataset } from '../store/datasets-repo.js';
import { inTransaction } from '../store/executor.js';
import { listRevisions as listRows, recordPublication } from '../store/revisions-repo.js';
import { conflict, notFound, ok, timestamp, type AppContext, type AppResult } from './context.js';
import { diffDocuments, type FieldChange } from './diff.js';
import { loadRevision } from './revision-content.js';
import { revisionSummaryToWire, type RevisionSummaryWire } from './wire.js';

export async function listRevisions(ctx: AppContext, datasetId: number): Promise<AppResult<RevisionSummaryWire[]>> {
  if ((await findDataset(ctx.store.db, datasetId)) === undefined) return notFound(`数据集 ${datasetId} 不存在`);
  return ok((await listRows(ctx.store.db, datasetId)).map(revisionSummaryToWire));
}

export async function getRevision(ctx: AppContext, datasetId: number, revisionNo: number) {
  const revision = await loadRevision(ctx, datasetId, revisionNo);
  if (!revision.ok) return revision;
  return ok({
    ...revisionSummaryToWire(revision.value),
    document: JSON.parse(revision.value.document) as DatasetDocument,
  });
}

export type RevisionDiff = { from: number; to: number; changes: FieldChange[] };

/** 版本比较: field by field, from one revision to another (either order). */
export async function diffRevisions(
  ctx: AppContext,
  datasetId: number,
  from: number,
  to: number,
): Promise<AppResult<RevisionDiff>> {
  const before = await loadRevision(ctx, datasetId, from);
  if (!before.ok) return before;
  const after = await loadRevision(ctx, datasetId, to);
  if (!after.ok) return after;
  const changes = diffDocuments(JSON.parse(before.value.document), JSON.parse(after.value.document));
  return ok({ from, to, changes });
}

/**
 * 发布: records a publication of a revision (append-only; the latest publication is what the public sees, so
 * republishing an older revision rolls the portal back to it). The revision row itself is never changed. A revision with error findings cannot be published:
 * the figures a department publishes must add up.
 */
export async function publishRevision(ctx: AppContext, datasetId: number, revisionNo: number, actor: string) {
  const revision = await loadRevision(ctx, datasetId, revisionNo);
  if (!revision.ok) return revision;
  const errors = revision.value.figures.errorCount;
  if (errors > 0) return conflict(`第 ${revisionNo} 版有 ${errors} 处错误，不能发布`);
  const at = timestamp(ctx);
  await inTransaction(ctx.store, async (tx) => {
    await recordPublication(tx, { datasetId, revisionNo, publishedAt: at, publishedBy: actor });
    await appendAudit(tx, {
      at,
      actor,
      action: 'revision.publish',
      entity: 'dataset',
      entityId: datasetId,
      detail: { revisionNo },
    });
  });
  return getRevision(ctx, datasetId, revisionNo);
}
