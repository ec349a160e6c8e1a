import type { Executor } from './executor.js';

/** 操作类型 recorded in the audit log. */
export type AuditAction =
  | 'department.create'
  | 'department.update'
  | 'dataset.create'
  | 'revision.save'
  | 'revision.publish'
  | 'dataset.import'
  | 'dataset.export';

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
};

export async function appendAudit(db: Executor, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

/** Newest first; optionally only the entries about one entity. */
export async function listAudit(
  db: Executor,
  filter: { entity?: string; entityId?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
