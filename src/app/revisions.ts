import type { DatasetDocument } from '../ingest/dataset-json.js';
import { findDataset } from '../store/datasets-repo.js';
import { listRevisions as listRows } from '../store/revisions-repo.js';
import type { Actor } from './actor.js';
import { publishApproved } from './workflow.js';
import { notFound, ok, type AppContext, type AppResult } from './context.js';
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
 * 发布: exactly the approved revision (see `publishApproved`); publications are append-only and the latest one is
 * what the public sees. Answers the published revision.
 */
export async function publishRevision(ctx: AppContext, datasetId: number, revisionNo: number, actor: Actor) {
  const published = await publishApproved(ctx, datasetId, revisionNo, actor);
  return published.ok ? getRevision(ctx, datasetId, revisionNo) : published;
}
