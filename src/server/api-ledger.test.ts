import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { startServer, type TestServer } from './testing.js';

const file = (name: string) => readFileSync(`examples/ledger/${name}`).toString('base64');
type Progress = { laggingCount: number; departments: { departmentCode: string; paid: string; lagging: boolean }[] };

describe.each(testStores())('ledger API on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    const created = await server.call(
      'POST',
      '/api/departments',
      { code: '430111009', name: '雨花区行政审批服务局' },
      {},
      'admin',
    );
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('imports an uploaded ledger (administrator) with its reconciliation', async () => {
    const body = {
      fileName: 'ledger-2020.csv',
      ledger: file('ledger-2020-gbk.csv'),
      budgets: file('budgets-2020.csv'),
    };
    const answer = await server.call('POST', '/api/ledger/import', body, {}, 'admin');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      linesRead: 12,
      accepted: 12,
      rejected: 0,
      acceptedTotal: '1017605.50',
      rejects: [],
    });
  });

  it('shows every department to a reviewer and only its own to an editor', async () => {
    const all = await server.call('GET', '/api/ledger/progress?asOf=2020-12-31', undefined, {}, 'reviewer');
    expect(all.status).toBe(200);
    const progress = all.body as unknown as Progress;
    // Both lag at the year end (100 %): 430111010 at 21.30 % is further behind than 430111009 at 32.59 %.
    expect(progress.departments.map((d) => [d.departmentCode, d.paid, d.lagging])).toEqual([
      ['430111010', '191666.67', true],
      ['430111009', '825938.83', true],
    ]);
    const own = await server.call('GET', '/api/ledger/progress?asOf=2020-12-31', undefined, {}, 'editor');
    expect((own.body as unknown as Progress).departments.map((d) => d.departmentCode)).toEqual(['430111009']);
  });

  it('answers 400 with the option named for a date that is not on the calendar', async () => {
    const answer = await server.call('GET', '/api/ledger/progress?asOf=2020-02-30', undefined, {}, 'reviewer');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ findings: [{ code: 'LEDGER_BAD_AS_OF', pathText: 'asOf' }] });
  });
});
