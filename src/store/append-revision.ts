import { appendAudit, type AuditEntry } from './audit-repo.js';
import type { Store } from './connect.js';
import { inTransaction, isUniqueViolation } from './executor.js';
import { insertRevision, latestRevisionNo, type NewRevision } from './revisions-repo.js';

export type AppendResult = { ok: true; revisionNo: number } | { ok: false; reason: 'STALE_BASE' };

/**
 * Adds revision base+1 if `baseRevision` is still the latest (0: the dataset has none yet), with its audit entry,
 * atomically.
 * Two writers on the same base both pass the check under READ COMMITTED; the unique
 * (dataset_id, revision_no) constraint then refuses the second, which becomes STALE_BASE too.
 */
export async function appendRevision(
  store: Store,
  baseRevision: number,
  revision: Omit<NewRevision, 'revisionNo' | 'basedOn'>,
  audit: Omit<AuditEntry, 'id' | 'entityId' | 'entity'>,
): Promise<AppendResult> {
  const revisionNo = baseRevision + 1;
  try {
    return await inTransaction(store, async (tx): Promise<AppendResult> => {
      if (((await latestRevisionNo(tx, revision.datasetId)) ?? 0) !== baseRevision)
        return { ok: false, reason: 'STALE_BASE' };
      await insertRevision(tx, { ...revision, revisionNo, basedOn: baseRevision });
      await appendAudit(tx, {
        ...audit,
        entity: 'dataset',
        entityId: revision.datasetId,
        detail: { ...audit.detail, revisionNo },
      });
      return { ok: true, revisionNo };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'STALE_BASE' };
    throw error;
  }
}
