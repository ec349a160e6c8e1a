import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers (everything but its id and the hashes themselves). */
export type HashedAuditFields = {
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  departmentId: number | null;
  /** The stored JSON text, hashed as stored. */
  detail: string;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * 日志链: an entry's hash covers the previous entry's hash and its own fields, so editing a row changes its hash
 * and deleting one breaks the link of the row after it. The field order is fixed here, never by object keys.
 */
export function chainHash(previousHash: string, entry: HashedAuditFields): string {
  const fields = [
    entry.at,
    entry.actor,
    entry.actorRole,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.departmentId,
    entry.detail,
  ];
  return sha256(`${previousHash}\n${JSON.stringify(fields)}`);
}

/** 内容校验值 of a published revision: the SHA-256 of its stored document text. */
export function contentHash(documentText: string): string {
  return sha256(documentText);
}
