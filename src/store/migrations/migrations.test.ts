import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../connect.js';
import { latestPublication } from '../publications-repo.js';
import { findRevision } from '../revisions-repo.js';
import { migrationProvider } from './provider.js';

describe('migration 0002-publications', () => {
  it('moves publications recorded on revision rows into the append-only table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-migrate-'));
    const file = join(dir, 'old.sqlite');
    try {
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
      const migrator = new Migrator({ db: old, provider: migrationProvider('sqlite') });
      expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined();
      const at = '2021-03-01T08:00:00.000Z';
      await sql`insert into departments (code, name, created_at, updated_at) values ('1', '局', ${at}, ${at})`.execute(
        old,
      );
      await sql`insert into fiscal_years (year, created_at) values (2020, ${at})`.execute(old);
      await sql`insert into datasets (department_id, fiscal_year, created_at) values (1, 2020, ${at})`.execute(old);
      for (const [no, publishedAt] of [
        [1, '2021-03-02T08:00:00.000Z'],
        [2, null],
      ] as const) {
        await sql`insert into revisions (dataset_id, revision_no, author, created_at, summary, change_count, document,
          unit, year_start_budget_total, full_year_budget_total, income_total, expenditure_total, execution_rate,
          error_count, warning_count, published_at, published_by)
          values (1, ${no}, '张三', ${at}, '创建', 0, '{}', '万元', 1, 1, 1, 1, 8487, 0, 0, ${publishedAt}, '李四')`.execute(
          old,
        );
      }
      await old.destroy();
      const store = await openStore({ dialect: 'sqlite', file });
      expect(await latestPublication(store.db, 1)).toEqual({
        datasetId: 1,
        revisionNo: 1,
        publishedAt: '2021-03-02T08:00:00.000Z',
        publishedBy: '李四',
        // 0003 records the content hash of publications made before hashes existed.
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      });
      expect(await findRevision(store.db, 1, 1)).toMatchObject({
        publishedBy: '李四',
        figures: { executionRate: 8487n },
      });
      expect(await findRevision(store.db, 1, 2)).toMatchObject({ publishedAt: null, publishedBy: null });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
