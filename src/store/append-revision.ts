import type { Transaction } from 'kysely';
import { appendAudit, type AuditEntry } from './audit-repo.js';
import type { Store } from './connect.js';
import type { Database } from './database.js';
import { inTransaction, isUniqueViolation } from './executor.js';
import { insertRevision, latestRevisionNo, type NewRevision } from './revisions-repo.js';
import { lockDatasetState, setDatasetState, type WorkflowState } from './workflow-repo.js';

export type AppendResult =
  | { ok: true; revisionNo: number }
  | { ok: false; reason: 'STALE_BASE' }
  /** Submitted or approved: the revision under review is frozen until it is returned. */
  | { ok: false; reason: 'FROZEN'; state: WorkflowState; stateRevision: number | null };

export type RevisionDraft = Omit<NewRevision, 'revisionNo' | 'basedOn'>;
export type RevisionAudit = Omit<AuditEntry, 'id' | 'entityId' | 'entity'>;

/**
 * Inside an open transaction: adds revision base+1 if `baseRevision` is still the latest (0: the dataset
 * has none yet), with its audit entry. A concurrent writer that passed the same check is stopped by the
 * unique (dataset_id, revision_no) constraint, which the caller maps to STALE_BASE.
 */
export async function writeRevision(
  tx: Transaction<Database>,
  baseRevision: number,
  revision: RevisionDraft,
  audit: RevisionAudit,
): Promise<AppendResult> {
  const current = await lockDatasetState(tx, revision.datasetId);
  if (current !== undefined && (current.state === 'submitted' || current.state === 'approved'))
    return { ok: false, reason: 'FROZEN', state: current.state, stateRevision: current.stateRevision };
  if (((await latestRevisionNo(tx, revision.datasetId)) ?? 0) !== baseRevision)
    return { ok: false, reason: 'STALE_BASE' };
  const revisionNo = baseRevision + 1;
  // An edit after publication starts a new cycle; the portal keeps showing the published revision.
  if (current?.state === 'published')
    await setDatasetState(tx, revision.datasetId, { state: 'draft', stateRevision: null });
  await insertRevision(tx, { ...revision, revisionNo, basedOn: baseRevision === 0 ? null : baseRevision });
  await appendAudit(tx, {
    ...audit,
    entity: 'dataset',
    entityId: revision.datasetId,
    detail: { ...audit.detail, revisionNo },
  });
  return { ok: true, revisionNo };
}

/** Adds revision base+1 atomically; a stale base (checked or raced) gives STALE_BASE, never an overwrite. */
export async function appendRevision(
  store: Store,
  baseRevision: number,
  revision: RevisionDraft,
  audit: RevisionAudit,
): Promise<AppendResult> {
  try {
    return await inTransaction(store, (tx) => writeRevision(tx, baseRevision, revision, audit));
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'STALE_BASE' };
    throw error;
  }
}
