import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../app/seed.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { startServer, type TestServer } from './testing.js';

describe.each(testStores())('the report route as XLSX on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml');
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('answers the 自评表 workbook with its content type and a Chinese file name', async () => {
    const response = await server.fetch('/api/datasets/1/report?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('自评表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['附件：2020年度部门整体支出绩效自评表']);
  });
});
