import { sql } from 'kysely';
import { chainHash } from './audit-hash.js';
import type { Executor } from './executor.js';

/** 操作类型 recorded in the audit log. */
export type AuditAction =
  | 'department.create'
  | 'department.update'
  | 'dataset.create'
  | 'revision.save'
  | 'revision.publish'
  | 'dataset.import'
  | 'dataset.export'
  | 'dataset.read'
  | 'report.download'
  | 'workflow.submit'
  | 'workflow.return'
  | 'workflow.approve'
  | 'comment.add'
  | 'user.create'
  | 'user.update'
  | 'user.password'
  | 'session.login'
  | 'session.login-failed'
  | 'session.logout'
  | 'request.refused';

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  /** The actor's role when it was a signed-in user; null for the system, the CLI and anonymous callers. */
  actorRole?: string | null;
  action: AuditAction;
  entity: string;
  entityId: number | null;
  /** The department the entry is about, for filtering (a dataset's or a department's own). */
  departmentId?: number | null;
  detail: Record<string, unknown>;
};

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/**
 * Appends an entry to the hash chain. It must run inside the caller's transaction (or one of its own): the
 * update of the single `audit_head` row locks it, so concurrent writers (two servers on one PostgreSQL) append
 * one after the other and never fork the chain.
 */
async function appendChained(tx: Executor, entry: NewAuditEntry): Promise<void> {
  await sql`update audit_head set entries = entries where id = 1`.execute(tx);
  const head = await tx.selectFrom('audit_head').select(['hash', 'entries']).where('id', '=', 1).executeTakeFirst();
  const fields = {
    at: entry.at,
    actor: entry.actor,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    departmentId: entry.departmentId ?? null,
    detail: JSON.stringify(entry.detail),
  };
  const previous = head?.hash ?? '';
  const hash = chainHash(previous, fields);
  const row = await tx
    .insertInto('audit_log')
    .values({
      at: fields.at,
      actor: fields.actor,
      actor_role: fields.actorRole,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      department_id: fields.departmentId,
      detail: fields.detail,
      prev_hash: previous,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('audit_head')
    .set({ hash, last_id: row.id, entries: (head?.entries ?? 0) + 1 })
    .where('id', '=', 1)
    .execute();
}

/** Appends an audit entry: inside `db` when it is a transaction, else in a transaction of its own. */
export async function appendAudit(db: Executor, entry: NewAuditEntry): Promise<void> {
  if (db.isTransaction) return appendChained(db, entry);
  await db.transaction().execute((tx) => appendChained(tx, entry));
}

export type AuditFilter = {
  entity?: string;
  entityId?: number;
  departmentId?: number;
  actor?: string;
  action?: string;
  /** Only entries older than this id (paging back). */
  before?: number;
  limit?: number;
};

/** Newest first, filtered. */
export async function listAudit(db: Executor, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  // An actor is `显示名（登录名）`: the filter takes the whole label or the login name alone.
  const actor = filter.actor;
  if (actor !== undefined)
    query = query.where((eb) =>
      eb.or([eb('actor', '=', actor), eb('actor', 'like', `%（${actor.replace(/[%_\\]/g, '')}）`)]),
    );
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    actorRole: r.actor_role,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    departmentId: r.department_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

/** 日志核验 result: the first entry that does not fit the chain, if any. */
export type ChainBreak = {
  id: number | null;
  reason: 'edited' | 'missing-before' | 'head-mismatch' | 'count-mismatch';
};
export type ChainVerdict = { entries: number; breaks: ChainBreak[] };

/** Recomputes the chain over every entry, oldest first, in pages (constant memory), and checks the head. */
export async function verifyAuditChain(db: Executor): Promise<ChainVerdict> {
  const breaks: ChainBreak[] = [];
  let previous = '';
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000)
      .execute();
    for (const r of rows) {
      if ((r.prev_hash ?? '') !== previous) breaks.push({ id: r.id, reason: 'missing-before' });
      const fields = {
        at: r.at,
        actor: r.actor,
        actorRole: r.actor_role,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        departmentId: r.department_id,
        detail: r.detail,
      };
      const expected = chainHash(r.prev_hash ?? '', fields);
      if (expected !== r.hash) breaks.push({ id: r.id, reason: 'edited' });
      previous = r.hash ?? '';
      lastId = r.id;
      entries += 1;
    }
    if (rows.length < 1000) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head !== undefined && (head.hash !== previous || head.last_id !== lastId))
    breaks.push({ id: null, reason: 'head-mismatch' });
  else if (head !== undefined && head.entries !== entries && breaks.length === 0)
    breaks.push({ id: null, reason: 'count-mismatch' });
  return { entries, breaks };
}
