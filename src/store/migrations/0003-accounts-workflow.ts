import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../connect.js';
import { chainHash, contentHash } from '../audit-hash.js';

type LegacyAudit = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
};

/** Chains the entries written before the chain existed, oldest first, so `jixiao log verify` covers them too. */
async function chainExistingAudit(db: Kysely<unknown>): Promise<void> {
  const rows = (
    await sql<LegacyAudit>`select id, at, actor, action, entity, entity_id, detail from audit_log
    order by id`.execute(db)
  ).rows;
  let previous = '';
  for (const row of rows) {
    const hash = chainHash(previous, { ...row, entityId: row.entity_id, actorRole: null, departmentId: null });
    await sql`update audit_log set prev_hash = ${previous}, hash = ${hash} where id = ${row.id}`.execute(db);
    previous = hash;
  }
  const last = rows.at(-1)?.id ?? 0;
  await sql`insert into audit_head (id, hash, last_id, entries) values (1, ${previous}, ${last}, ${rows.length})`.execute(
    db,
  );
}

/**
 * Accounts (users, their departments, database-held sessions, failed logins), the review workflow (a state on
 * each dataset, append-only workflow steps, review comments), a hash chain over the audit log and a content
 * hash on each publication.
 */
export function accountsWorkflowMigration(dialect: StoreDialect): Migration {
  const id = dialect === 'postgres' ? 'serial primary key' : 'integer primary key autoincrement';
  return {
    async up(db: Kysely<unknown>) {
      await sql`create table users (
        id ${sql.raw(id)},
        name text not null unique,
        display_name text not null,
        role text not null,
        password_hash text not null,
        disabled integer not null default 0,
        created_at text not null,
        updated_at text not null
      )`.execute(db);
      await sql`create table user_departments (
        user_id integer not null references users (id),
        department_id integer not null references departments (id),
        primary key (user_id, department_id)
      )`.execute(db);
      await sql`create table sessions (
        token_hash text primary key,
        user_id integer not null references users (id),
        csrf_token text not null,
        created_at text not null,
        last_seen_at text not null,
        expires_at text not null,
        address text not null
      )`.execute(db);
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await sql`create table login_failures (
        id ${sql.raw(id)},
        key text not null,
        at text not null
      )`.execute(db);
      await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();
      await sql`alter table datasets add column state text not null default 'draft'`.execute(db);
      await sql`alter table datasets add column state_revision integer`.execute(db);
      await sql`create table workflow_steps (
        id ${sql.raw(id)},
        dataset_id integer not null references datasets (id),
        revision_no integer not null,
        action text not null,
        from_state text not null,
        to_state text not null,
        actor text not null,
        actor_id integer,
        at text not null,
        comment text,
        detail text not null
      )`.execute(db);
      await db.schema
        .createIndex('workflow_steps_dataset')
        .on('workflow_steps')
        .columns(['dataset_id', 'id'])
        .execute();
      await sql`create table review_comments (
        id ${sql.raw(id)},
        dataset_id integer not null references datasets (id),
        revision_no integer not null,
        path text,
        body text not null,
        author text not null,
        author_id integer,
        author_role text not null,
        reply_to integer references review_comments (id),
        created_at text not null
      )`.execute(db);
      await db.schema
        .createIndex('review_comments_dataset')
        .on('review_comments')
        .columns(['dataset_id', 'revision_no'])
        .execute();
      for (const column of ['actor_role text', 'department_id integer', 'prev_hash text', 'hash text'])
        await sql`alter table audit_log add column ${sql.raw(column)}`.execute(db);
      // The head of the chain: appends lock this one row (serialising writers on PostgreSQL too), and `log verify`
      // compares it with the last entry, so deleting the newest entries is detected as well.
      await sql`create table audit_head (
        id integer primary key,
        hash text not null,
        last_id integer not null,
        entries integer not null
      )`.execute(db);
      await chainExistingAudit(db);
      await sql`alter table publications add column content_hash text`.execute(db);
      // Existing publications: the content as it is now is what they published (revisions were immutable before).
      const published = (
        await sql<{ id: number; document: string }>`select p.id, r.document from publications p
          join revisions r on r.dataset_id = p.dataset_id and r.revision_no = p.revision_no`.execute(db)
      ).rows;
      for (const p of published)
        await sql`update publications set content_hash = ${contentHash(p.document)} where id = ${p.id}`.execute(db);
      await sql`update datasets set state = 'published', state_revision = (
        select p.revision_no from publications p where p.dataset_id = datasets.id order by p.id desc limit 1)
        where exists (select 1 from publications p where p.dataset_id = datasets.id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'audit_head',
        'review_comments',
        'workflow_steps',
        'login_failures',
        'sessions',
        'user_departments',
        'users',
      ])
        await db.schema.dropTable(table).execute();
      for (const column of ['actor_role', 'department_id', 'prev_hash', 'hash'])
        await db.schema.alterTable('audit_log').dropColumn(column).execute();
      await db.schema.alterTable('publications').dropColumn('content_hash').execute();
      await db.schema.alterTable('datasets').dropColumn('state').execute();
      await db.schema.alterTable('datasets').dropColumn('state_revision').execute();
    },
  };
}
