import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fen, percent } from '../domain/money/index.js';
import { appendRevision } from './append-revision.js';
import { listAudit } from './audit-repo.js';
import type { Store } from './connect.js';
import { ensureFiscalYear, findDataset, insertDataset, listDatasets, listFiscalYears } from './datasets-repo.js';
import { findDepartment, insertDepartment, listDepartments, updateDepartment } from './departments-repo.js';
import { sql } from 'kysely';
import { inTransaction } from './executor.js';
import { migrateToLatest } from './connect.js';
import { StoreRangeError } from './fen-codec.js';
import { latestPublication, listPublications } from './publications-repo.js';
import { findRevision, listRevisions, recordPublication } from './revisions-repo.js';
import { listRulePacks, saveRulePack } from './rule-packs-repo.js';
import { testStores } from './testing.js';

const AT = '2021-03-01T08:00:00.000Z';
const figures = {
  yearStartBudgetTotal: fen(901_680_000n),
  fullYearBudgetTotal: fen(990_590_000n),
  incomeTotal: fen(929_650_000n),
  // Beyond 2^53: the codec must carry it through BIGINT exactly.
  expenditureTotal: fen(9_007_199_254_740_993n),
  executionRate: percent(8487n),
  errorCount: 0,
  warningCount: 2,
};
const revision = (datasetId: number, summary: string) => ({
  datasetId,
  author: '张三',
  createdAt: AT,
  summary,
  changeCount: 1,
  unit: '万元',
  document: JSON.stringify({ summary }),
  figures,
});
const audit = { at: AT, actor: '张三', action: 'revision.save' as const, detail: {} };

describe.each(testStores())('store on $dialect', ({ open }) => {
  let store: Store;
  let datasetId: number;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('migrates idempotently', async () => {
    await expect(migrateToLatest(store)).resolves.toBeUndefined();
  });

  it('keeps departments as a tree', async () => {
    const bureau = await insertDepartment(store.db, { code: '430111', name: '雨花区财政局', parentId: null }, AT);
    const child = await insertDepartment(
      store.db,
      { code: '430111001', name: '行政审批服务局', parentId: bureau.id },
      AT,
    );
    expect((await findDepartment(store.db, child.id))?.parentId).toBe(bureau.id);
    const renamed = await updateDepartment(store.db, child.id, { name: '雨花区行政审批服务局' }, AT);
    expect(renamed?.name).toBe('雨花区行政审批服务局');
    expect((await listDepartments(store.db)).map((d) => d.code)).toEqual(['430111', '430111001']);
  });

  it('refuses a second department with the same code', async () => {
    await expect(insertDepartment(store.db, { code: '430111', name: '重复', parentId: null }, AT)).rejects.toThrow();
  });

  it('stores revisions with exact fen figures, including values beyond 2^53', async () => {
    const dep = (await listDepartments(store.db))[1];
    datasetId = await inTransaction(store, async (tx) => {
      await ensureFiscalYear(tx, 2020, AT);
      await ensureFiscalYear(tx, 2020, AT);
      return insertDataset(tx, dep?.id ?? 0, 2020, AT);
    });
    expect(await appendRevision(store, 0, revision(datasetId, 'first'), audit)).toEqual({ ok: true, revisionNo: 1 });
    const found = await findDataset(store.db, datasetId);
    expect(found?.latest.figures).toEqual(figures);
    expect(found?.departmentName).toBe('雨花区行政审批服务局');
    expect(await listFiscalYears(store.db)).toEqual([2020]);
  });

  it('never overwrites: a stale base is refused and the latest stays', async () => {
    expect(await appendRevision(store, 1, revision(datasetId, 'second'), audit)).toEqual({ ok: true, revisionNo: 2 });
    expect(await appendRevision(store, 1, revision(datasetId, 'stale'), audit)).toEqual({
      ok: false,
      reason: 'STALE_BASE',
    });
    expect((await listRevisions(store.db, datasetId)).map((r) => r.summary)).toEqual(['second', 'first']);
    expect((await findRevision(store.db, datasetId, 1))?.document).toBe('{"summary":"first"}');
    expect((await findRevision(store.db, datasetId))?.revisionNo).toBe(2);
  });

  it('lets exactly one of two concurrent saves on the same base win', async () => {
    const results = await Promise.all([
      appendRevision(store, 2, revision(datasetId, 'A'), audit),
      appendRevision(store, 2, revision(datasetId, 'B'), audit),
    ]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, revisionNo: 3 }]);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect(await listRevisions(store.db, datasetId)).toHaveLength(3);
  });

  it('records an audit entry for every saved revision', async () => {
    const entries = await listAudit(store.db, { entity: 'dataset', entityId: datasetId });
    expect(entries.map((e) => e.detail['revisionNo'])).toEqual([3, 2, 1]);
  });

  it('publishes into an append-only table: republishing adds a row, the revision row stays as written', async () => {
    const before = await findRevision(store.db, datasetId, 2);
    expect(await latestPublication(store.db, datasetId)).toBeUndefined();
    const publish = (revisionNo: number, at: string, by: string) =>
      recordPublication(store.db, { datasetId, revisionNo, publishedAt: at, publishedBy: by });
    expect(await publish(2, AT, '李四')).toBe(true);
    expect(await publish(99, AT, '李四')).toBe(false);
    expect(await publish(3, '2021-03-02T08:00:00.000Z', '王五')).toBe(true);
    expect(await publish(2, '2021-03-03T08:00:00.000Z', '赵六')).toBe(true);
    // The latest publication wins (a rollback to revision 2); every publication is kept.
    expect(await latestPublication(store.db, datasetId)).toMatchObject({ revisionNo: 2, publishedBy: '赵六' });
    expect((await listPublications(store.db, [datasetId])).map((p) => [p.revisionNo, p.publishedBy])).toEqual([
      [2, '赵六'],
      [3, '王五'],
      [2, '李四'],
    ]);
    const summaries = await listRevisions(store.db, datasetId);
    expect(summaries.map((r) => [r.revisionNo, r.publishedBy])).toEqual([
      [3, '王五'],
      [2, '赵六'],
      [1, null],
    ]);
    expect({ ...(await findRevision(store.db, datasetId, 2)), publishedAt: null, publishedBy: null }).toEqual({
      ...before,
      publishedAt: null,
      publishedBy: null,
    });
    const { records, unreadable } = await listDatasets(store.db, { fiscalYear: 2020 });
    expect(unreadable).toEqual([]);
    expect(records.map((d) => [d.latest.revisionNo, d.latest.publishedBy, d.latestPublication?.revisionNo])).toEqual([
      [3, '王五', 2],
    ]);
  });

  it('refuses a figure outside signed 64 bits before anything is committed', async () => {
    const huge = { ...figures, expenditureTotal: fen(2n ** 63n) };
    await expect(appendRevision(store, 3, { ...revision(datasetId, 'huge'), figures: huge }, audit)).rejects.toThrow(
      StoreRangeError,
    );
    expect(await listRevisions(store.db, datasetId)).toHaveLength(3);
    expect(await listAudit(store.db, { entity: 'dataset', entityId: datasetId })).toHaveLength(3);
  });

  it('keeps an execution rate beyond 2^31 and 2^53 exact', async () => {
    const rate = percent(9_007_199_254_740_993n);
    const saved = await appendRevision(
      store,
      3,
      { ...revision(datasetId, 'rate'), figures: { ...figures, executionRate: rate } },
      audit,
    );
    expect(saved).toEqual({ ok: true, revisionNo: 4 });
    expect((await findRevision(store.db, datasetId, 4))?.figures.executionRate).toBe(rate);
  });

  it('lists the other datasets when one row cannot be read (SQLite can hold a float in an INTEGER column)', async () => {
    if (store.dialect !== 'sqlite') return;
    const other = await inTransaction(store, async (tx) => {
      await ensureFiscalYear(tx, 2021, AT);
      return insertDataset(tx, (await listDepartments(tx))[0]?.id ?? 0, 2021, AT);
    });
    await appendRevision(store, 0, revision(other, 'bad'), audit);
    await sql`update revisions set income_total = 1.5 where dataset_id = ${other}`.execute(store.db);
    const { records, unreadable } = await listDatasets(store.db);
    expect(records.map((d) => d.id)).toEqual([datasetId]);
    expect(unreadable).toEqual([{ id: other, reason: expect.stringMatching(/不是整数/) as unknown }]);
  });

  it('saves and replaces rule packs by name', async () => {
    await saveRulePack(store.db, { name: 'national', version: '1', definition: { total: 100 } }, AT);
    await saveRulePack(store.db, { name: 'national', version: '2', definition: { total: 100 } }, AT);
    expect((await listRulePacks(store.db)).map((p) => [p.name, p.version])).toEqual([['national', '2']]);
  });
});
