import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 总览行缓存 (docs/performance.md, "Overview under load"): each revision's overview row as JSON, with the fingerprint
 * of the code that computed it. A revision is immutable, so a row is never stale for its evaluator; a restarted
 * server reads a year's 1,000 rows in one query instead of evaluating 1,000 documents.
 */
export function revisionOverviewsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`create table revision_overviews (
        dataset_id integer not null,
        revision_no integer not null,
        evaluator text not null,
        overview text not null,
        primary key (dataset_id, revision_no),
        foreign key (dataset_id, revision_no) references revisions (dataset_id, revision_no)
      )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('revision_overviews').execute();
    },
  };
}
