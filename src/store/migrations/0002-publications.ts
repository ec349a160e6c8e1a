import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../connect.js';

/**
 * 发布记录 as an append-only table: publishing no longer updates a revision row (revisions are immutable), and
 * republishing adds a row instead of overwriting who published when. Existing publications move over.
 * The execution rate becomes BIGINT in PostgreSQL too (SQLite's INTEGER is already 64-bit), written exactly.
 */
export function publicationsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const id = dialect === 'postgres' ? 'serial primary key' : 'integer primary key autoincrement';
      await sql`create table publications (
        id ${sql.raw(id)},
        dataset_id integer not null,
        revision_no integer not null,
        published_at text not null,
        published_by text not null,
        foreign key (dataset_id, revision_no) references revisions (dataset_id, revision_no)
      )`.execute(db);
      await db.schema.createIndex('publications_dataset').on('publications').columns(['dataset_id', 'id']).execute();
      await sql`insert into publications (dataset_id, revision_no, published_at, published_by)
        select dataset_id, revision_no, published_at, coalesce(published_by, '')
        from revisions where published_at is not null
        order by published_at, dataset_id, revision_no`.execute(db);
      await db.schema.alterTable('revisions').dropColumn('published_at').execute();
      await db.schema.alterTable('revisions').dropColumn('published_by').execute();
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('revisions')
          .alterColumn('execution_rate', (c) => c.setDataType('bigint'))
          .execute();
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('revisions').addColumn('published_at', 'text').execute();
      await db.schema.alterTable('revisions').addColumn('published_by', 'text').execute();
      // The latest publication of each revision goes back onto its row.
      await sql`update revisions set
        published_at = (select p.published_at from publications p where p.dataset_id = revisions.dataset_id
          and p.revision_no = revisions.revision_no order by p.id desc limit 1),
        published_by = (select p.published_by from publications p where p.dataset_id = revisions.dataset_id
          and p.revision_no = revisions.revision_no order by p.id desc limit 1)`.execute(db);
      await db.schema.dropTable('publications').execute();
    },
  };
}
