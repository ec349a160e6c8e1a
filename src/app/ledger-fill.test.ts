import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { insertDepartment } from '../store/departments-repo.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { CLI_ACTOR } from './actor.js';
import type { AppContext } from './context.js';
import { createDataset, getDataset } from './datasets.js';
import { fillDatasetFromLedger } from './ledger-fill.js';
import { importLedger } from './ledger-import.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe.each(testStores())('fillDatasetFromLedger on $dialect', ({ open }) => {
  let store: Store;
  let ctx: AppContext;
  let datasetId = 0;
  beforeAll(async () => {
    store = await open();
    ctx = { store, now: () => new Date('2021-01-10T08:00:00Z') };
    const department = await insertDepartment(
      store.db,
      { code: '430111009', name: '长沙市雨花区行政审批服务局', parentId: null },
      '2021-01-10T08:00:00Z',
    );
    const seed = parse(readFileSync(`${ROOT}examples/yuhua-2020.yaml`, 'utf8')) as unknown;
    const created = await createDataset(ctx, department.id, seed, CLI_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    datasetId = created.value.id;
  });
  afterAll(() => store.close());

  it('answers 404 while the ledger has nothing for the department-year', async () => {
    expect(await fillDatasetFromLedger(ctx, CLI_ACTOR, datasetId)).toMatchObject({
      ok: false,
      error: { kind: 'NOT_FOUND' },
    });
  });

  it('writes basic lines, project actuals and monthly payment progress from the ledger as a new revision', async () => {
    const ledger = `${ROOT}examples/ledger/`;
    const imported = await importLedger(ctx, CLI_ACTOR, {
      ledgerPath: `${ledger}ledger-2020.csv`,
      budgetsPath: `${ledger}budgets-2020.csv`,
    });
    expect(imported.ok).toBe(true);
    const result = await fillDatasetFromLedger(ctx, CLI_ACTOR, datasetId);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.revisionNo).toBe(2);
    expect(result.value.filled[0]).toEqual({ path: '$.basicExpenditure.actual', value: '21.133833', source: 'ledger' });
    expect(result.value.unmatchedProjects).toEqual([]);
    const saved = await getDataset(ctx, datasetId);
    if (!saved.ok) throw new Error(saved.error.message);
    const doc = saved.value.document as unknown as {
      basicExpenditure: { lines: unknown[] };
      projects: Record<string, unknown>[];
      paymentProgress: { points: { month: number; cumulativePaid: string }[] };
    };
    expect(doc.basicExpenditure.lines).toEqual([
      { code: '30101', label: '基本工资', amount: '17.46' },
      { code: '30102', label: '津贴补贴', amount: '2.800833' },
      { code: '30201', label: '办公费', amount: '0.873' },
    ]);
    expect(doc.projects[0]).toMatchObject({ name: '“12345”市民服务热线工作经费', actual: '18.21' });
    expect(doc.projects[1]).toMatchObject({ name: '政务服务及政务大厅运转经费', actual: '43.25005' });
    const points = doc.paymentProgress.points;
    expect(points.filter((p) => p.month % 3 === 0)).toEqual([
      { month: 3, cumulativePaid: '1.25005' },
      { month: 6, cumulativePaid: '25.45005' },
      { month: 9, cumulativePaid: '49.45005' },
      { month: 12, cumulativePaid: '61.46005' },
    ]);
  });
});
