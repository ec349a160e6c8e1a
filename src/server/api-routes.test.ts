import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../app/seed.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { seedDocument, startServer, type TestServer } from './testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testStores())('API routes on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    expect(await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml')).toBe('seeded');
    expect(await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml')).toBe('not-empty');
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('answers health and serves the OpenAPI document and its browser', async () => {
    expect((await server.call('GET', '/api/health')).body).toMatchObject({ status: 'ok' });
    const doc = await server.call('GET', '/api/openapi.json');
    expect(doc.body['openapi']).toMatch(/^3\./);
    expect(Object.keys(doc.body['paths'] as object)).toEqual(
      expect.arrayContaining(['/api/datasets/{id}', '/api/datasets/{id}/diff', '/api/import']),
    );
    expect((await fetch(`${server.base}/api/docs`)).status).toBe(200);
    expect((await server.call('GET', '/api/nothing')).body).toEqual({
      error: 'NOT_FOUND',
      message: '未找到：GET /api/nothing',
    });
  });

  it('keeps departments as a tree and refuses bad input', async () => {
    const bureau = await server.call('POST', '/api/departments', { code: '4301', name: '雨花区财政局' }, {}, 'admin');
    const child = await server.call(
      'POST',
      '/api/departments',
      {
        code: '4301-1',
        name: '下级单位',
        parentId: bureau.body['id'],
      },
      {},
      'admin',
    );
    const tree = await server.call('GET', `/api/departments/${String(bureau.body['id'])}`);
    expect(tree.body['children']).toEqual([expect.objectContaining({ name: '下级单位', children: [] })]);
    const renamed = await server.call(
      'PATCH',
      `/api/departments/${String(child.body['id'])}`,
      {
        name: '下级单位（改）',
      },
      {},
      'admin',
    );
    expect(renamed.body['name']).toBe('下级单位（改）');
    const cycle = await server.call(
      'PATCH',
      `/api/departments/${String(bureau.body['id'])}`,
      {
        parentId: child.body['id'],
      },
      {},
      'admin',
    );
    expect(cycle.status).toBe(409);
    expect((await server.call('POST', '/api/departments', { code: '4301', name: '重复' }, {}, 'admin')).status).toBe(
      409,
    );
    const missing = await server.call('POST', '/api/departments', { name: '无编码' }, {}, 'admin');
    expect(missing.status).toBe(400);
    expect(missing.body['findings']).toEqual([expect.objectContaining({ pathText: '$.body.code' })]);
    expect((await server.call('GET', '/api/departments/999')).status).toBe(404);
    expect((await server.call('PATCH', '/api/departments/999', { name: 'x' }, {}, 'admin')).status).toBe(404);
    const list = await server.call('GET', `/api/departments?parentId=${String(bureau.body['id'])}`);
    expect(list.body).toHaveLength(1);
  });

  it('computes figures, findings, score and problems of the seed', async () => {
    const figures = await server.call('GET', '/api/datasets/1/figures');
    expect(figures.body['amounts']).toMatchObject({ expenditureTotal: '840.75', yearStartBudgetTotal: '901.68' });
    const findings = await server.call('GET', '/api/datasets/1/findings?revision=1');
    expect(findings.body['counts']).toEqual({ error: 0, warning: 4, info: 5 });
    const score = await server.call('GET', '/api/datasets/1/score');
    expect(score.body).toMatchObject({ pack: 'national', grade: expect.any(String) as unknown });
    const problems = await server.call('GET', '/api/datasets/1/problems');
    expect((problems.body as unknown as { code: string }[]).map((p) => p.code)).toContain(
      'DEPARTMENT_EXECUTION_RATE_LOW',
    );
    for (const route of ['figures', 'findings', 'score', 'problems']) {
      expect((await server.call('GET', `/api/datasets/99/${route}`)).status).toBe(404);
      expect((await server.call('GET', `/api/datasets/1/${route}?revision=x`)).status).toBe(400);
    }
  });

  // Five renders: 17 s on a 2-core machine at load 10.
  it('renders the report in every format and refuses an unknown format', { timeout: 120_000 }, async () => {
    for (const [format, type] of [
      ['md', 'text/markdown'],
      ['html', 'text/html'],
      ['docx', 'wordprocessingml'],
      ['pdf', 'application/pdf'],
    ]) {
      const response = await server.fetch(`/api/datasets/1/report?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
    const md = await (await server.fetch(`/api/datasets/1/report?format=md`)).text();
    // One figure per fact: the body, the tables and the 自评表 annex all print the stated 840.74 (840.75 is the sum of parts).
    expect(md).toContain('840.74');
    expect(md).not.toContain('840.75');
    expect((await server.call('GET', '/api/datasets/1/report?format=rtf')).status).toBe(400);
    expect((await server.call('GET', '/api/datasets/99/report?format=md')).status).toBe(404);
  });

  it('exports xlsx, json and yaml; imports them back as new revisions; refuses a bad workbook whole', async () => {
    const xlsx = Buffer.from(await (await server.fetch(`/api/datasets/1/export?format=xlsx`)).arrayBuffer());
    const json = await (await server.fetch(`/api/datasets/1/export?format=json`)).text();
    const yaml = await (await server.fetch(`/api/datasets/1/export?format=yaml`)).text();
    expect(yaml).toContain('yearStartBudget: "601.68"');
    expect((await server.call('GET', '/api/datasets/1/export?format=csv')).status).toBe(400);
    const asXlsx = await server.call('POST', '/api/datasets/1/import?baseRevision=1', xlsx, {
      'content-type': XLSX,
    });
    // The round trip changes nothing, so no revision is written: the answer is the latest, marked unchanged.
    expect(asXlsx.body).toMatchObject({ unchanged: true, writtenRevision: 1, latestRevision: { revisionNo: 1 } });
    const asJson = await server.call('POST', '/api/import?baseRevision=1', json, {
      'content-type': 'application/json',
    });
    expect(asJson.body).toMatchObject({ unchanged: true, latestRevision: { revisionNo: 1 } });
    const changed = yaml.replace('yearStartBudget: "601.68"', 'yearStartBudget: "601.69"');
    const asYaml = await server.call('POST', '/api/import?baseRevision=1', changed, {
      'content-type': 'application/yaml',
    });
    expect(asYaml.body['latestRevision']).toMatchObject({ revisionNo: 2, changeCount: 1 });
    const back = await server.call('POST', '/api/import?baseRevision=2', yaml, { 'content-type': 'application/yaml' });
    expect(back.body['latestRevision']).toMatchObject({ revisionNo: 3, changeCount: 1 });
    expect(
      (await server.call('POST', '/api/datasets/1/import?baseRevision=2', yaml, { 'content-type': 'application/yaml' }))
        .status,
    ).toBe(409);
    expect((await server.call('POST', '/api/import', yaml, { 'content-type': 'application/yaml' })).status).toBe(409);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    book.getWorksheet('项目')!.getCell('C7').value = 'abc';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await server.call('POST', '/api/datasets/1/import?baseRevision=3', bad, {
      'content-type': XLSX,
    });
    expect(refused.status).toBe(400);
    expect(refused.body['findings']).toEqual([
      expect.objectContaining({ location: '项目!C7', message: '不是有效金额：abc' }),
    ]);
    const badYaml = await server.call('POST', '/api/import', 'fiscalYear: [', {
      'content-type': 'application/yaml',
    });
    expect(badYaml.status).toBe(400);
    expect((await server.call('GET', '/api/datasets/1/revisions')).body).toHaveLength(3);
  });

  it('imports a new dataset (creating its department) and validates without saving on dryRun', async () => {
    const yaml = (await seedDocument()).replace('fiscalYear: 2020', 'fiscalYear: 2021');
    const dry = await server.call('POST', '/api/import?dryRun=true', yaml, {
      'content-type': 'application/yaml',
    });
    expect(dry.body).toMatchObject({ saved: false, document: { fiscalYear: 2021 } });
    const created = await server.call('POST', '/api/import', yaml, { 'content-type': 'application/yaml' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ saved: true, fiscalYear: 2021, departmentId: 1 });
    expect(
      (await server.call('POST', '/api/import?format=xlsx', 'not a workbook', { 'content-type': XLSX })).status,
    ).toBe(400);
  });

  it('downloads the blank template', async () => {
    const response = await server.fetch(`/api/template.xlsx`);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.getWorksheet('项目')?.getRow(1).getCell(1).value).toBe('项目名称');
  });
});
