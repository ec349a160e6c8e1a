import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { seedIfEmpty } from '../app/seed.js';
import { parseDataset } from '../domain/dataset/parse.js';
import { nationalPack } from '../domain/scoring/packs/builtin-packs.js';
import { allFindings } from '../domain/scoring/scoring-check.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { gbkEncoder } from '../ingest/testing/gbk.js';
import { PUBLIC } from './access.js';
import { buildServer } from './build-server.js';
import { call, FIXED_NOW, publishThroughWorkflow, seedDocument, startServer, type TestServer } from './testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Doc = Record<string, unknown> & { department: { name: string; code?: string }; fiscalYear: number };
type Summary = { revisionNo: number; publishedBy: string | null; keyFigures: Record<string, unknown> };

async function upload(server: TestServer, path: string, body: Buffer | string, contentType?: string) {
  const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
  const response = await server.fetch(path, { method: 'POST', headers, body: body as BodyInit });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testStores())('review fixes over HTTP on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  let seedYaml: string;
  let xlsx: Buffer;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml');
    seedYaml = await seedDocument();
    xlsx = Buffer.from(await (await server.fetch(`/api/datasets/1/export?format=xlsx`)).arrayBuffer());
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('answers findings and revision counts exactly as jixiao check (selfEvaluate under the pack)', async () => {
    const parsed = parseDataset(parse(seedYaml));
    if (!parsed.ok) throw new Error('seed unreadable');
    const expected = allFindings(parsed.dataset, nationalPack());
    const findings = await server.call('GET', '/api/datasets/1/findings');
    expect((findings.body['findings'] as { code: string }[]).map((f) => f.code)).toEqual(expected.map((f) => f.code));
    expect(findings.body['counts']).toEqual({ error: 0, warning: 4, info: 5 });
    const list = await server.call('GET', '/api/datasets');
    const [dataset] = list.body as unknown as { latestRevision: Summary }[];
    expect(dataset?.latestRevision.keyFigures).toMatchObject({ errorCount: 0, warningCount: 4 });
  });

  it('answers a save with the revision it wrote (writtenRevision, latestRevision, document)', async () => {
    const doc = parse(seedYaml) as Doc & { department: { contact?: string } };
    const unchanged = await server.call('PUT', '/api/datasets/1', { baseRevision: 1, document: doc, note: '核对' });
    expect(unchanged.body).toMatchObject({ unchanged: true, writtenRevision: 1, latestRevision: { revisionNo: 1 } });
    const edited = { ...doc, department: { ...doc.department, contact: '核对人' } };
    const saved = await server.call('PUT', '/api/datasets/1', { baseRevision: 1, document: edited, note: '核对' });
    expect(saved.status).toBe(200);
    expect(saved.body['writtenRevision']).toBe(2);
    expect(saved.body['latestRevision']).toMatchObject({ revisionNo: 2, basedOn: 1 });
    expect((saved.body['document'] as Doc).fiscalYear).toBe(2020);
    expect((await server.call('GET', '/api/datasets/1')).body['writtenRevision']).toBeUndefined();
  });

  it('records every publication; the portal and the list show the latest one; revision rows stay as written', async () => {
    const before = await server.call('GET', '/api/datasets/1/revisions/2');
    const reviewer = '测试reviewer（test-reviewer）';
    expect((await publishThroughWorkflow(server, 1, 2)).body).toMatchObject({ revisionNo: 2, publishedBy: reviewer });
    const current = (await server.call('GET', '/api/datasets/1')).body as { document: Doc };
    const resaved = await server.call('PUT', '/api/datasets/1', {
      baseRevision: 2,
      document: { ...current.document, department: { ...current.document.department, contact: '新一轮' } },
    });
    expect(resaved.status).toBe(200);
    const list = await server.call('GET', '/api/datasets');
    expect((list.body as unknown as Record<string, unknown>[])[0]).toMatchObject({
      latestPublishedRevision: { revisionNo: 2, publishedAt: FIXED_NOW.toISOString(), publishedBy: reviewer },
      state: 'draft',
    });
    const portal = await server.call('GET', '/api/public/reports', undefined, {}, 'anonymous');
    expect(portal.body).toEqual([expect.objectContaining({ datasetId: 1, revision: 2, publishedBy: reviewer })]);
    const revisions = (await server.call('GET', '/api/datasets/1/revisions')).body as unknown as Summary[];
    expect(revisions.map((r) => [r.revisionNo, r.publishedBy])).toEqual([
      [3, null],
      [2, reviewer],
      [1, null],
    ]);
    const after = await server.call('GET', '/api/datasets/1/revisions/2');
    expect({ ...after.body, publishedAt: null, publishedBy: null }).toEqual({ ...before.body });
  });

  it('reads a YAML upload in GBK as a file on disk is read, and names an encoding it cannot read', async () => {
    const gbk = Buffer.from(gbkEncoder()(seedYaml));
    const dry = await upload(server, '/api/import?dryRun=true&format=yaml', gbk, 'text/yaml');
    expect([dry.status, dry.body['saved']]).toEqual([200, false]);
    const utf32 = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]);
    const refused = await upload(server, '/api/import?dryRun=true&format=yaml', utf32, 'text/yaml');
    expect(refused.status).toBe(400);
    expect(refused.body['findings']).toEqual([expect.objectContaining({ code: 'FILE_ENCODING' })]);
  });

  it('imports a workbook sent with no, an empty or a generic content type when format or fileName says xlsx', async () => {
    for (const [query, type] of [
      ['format=xlsx', ''],
      ['format=xlsx', 'application/octet-stream'],
      ['format=xlsx', 'application/vnd.ms-excel'],
      ['fileName=%E8%87%AA%E8%AF%84.xlsx', undefined],
    ] as const) {
      const dry = await upload(server, `/api/import?dryRun=true&${query}`, xlsx, type);
      expect([query, type, dry.status, dry.body['saved']]).toEqual([query, type, 200, false]);
    }
    // The workbook is revision 1's content; the dataset has moved on to revision 3, so importing it writes 4.
    const asRevision = await upload(server, '/api/datasets/1/import?baseRevision=3&format=xlsx', xlsx, '');
    expect(asRevision.body).toMatchObject({ saved: true, writtenRevision: 4 });
  });

  it('limits bodies: 1 MB for JSON, 10 MB for uploads, 50 MB inflated for a workbook, with Chinese answers', async () => {
    const big = { baseRevision: 3, document: { padding: 'x'.repeat(1024 * 1024) } };
    const json = await server.call('PUT', '/api/datasets/1', big);
    expect(json.status).toBe(413);
    expect(json.body['message']).toMatch(/JSON 请求不超过 1 MB/);
    const twoMb = await upload(server, '/api/import?format=xlsx', Buffer.alloc(2 * 1024 * 1024, 1), XLSX);
    expect(twoMb.body['findings']).toEqual([expect.objectContaining({ code: 'XLSX_UNREADABLE' })]);
    const huge = await upload(server, '/api/import?format=xlsx', Buffer.alloc(11 * 1024 * 1024, 1), XLSX);
    expect(huge.status).toBe(413);
    const zip = await JSZip.loadAsync(xlsx);
    zip.file('xl/media/padding.bin', Buffer.alloc(51 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const refused = await upload(server, '/api/import', bomb, XLSX);
    expect(refused.status).toBe(400);
    expect(refused.body['findings']).toEqual([
      expect.objectContaining({ code: 'XLSX_TOO_LARGE', message: expect.stringMatching(/超过上限 50 MB/) as unknown }),
    ]);
  });

  it('answers ids beyond a PostgreSQL integer with 400 and the largest one with 404, never a 500', async () => {
    expect((await server.call('GET', '/api/datasets/2147483647')).status).toBe(404);
    for (const path of [
      '/api/datasets/2147483648',
      '/api/datasets/99999999999999999999/revisions',
      '/api/datasets/1/figures?revision=2147483648',
      '/api/datasets/1/revisions/2147483648',
      '/api/datasets?year=99999999999',
      '/api/departments?parentId=2147483648',
    ]) {
      expect([path, (await server.call('GET', path)).status]).toEqual([path, 400]);
    }
    const publish = await server.call('POST', '/api/datasets/1/publish', { revisionNo: 2147483648 }, {}, 'reviewer');
    expect(publish.status).toBe(400);
    const department = await server.call(
      'POST',
      '/api/departments',
      {
        code: 'x',
        name: 'x',
        parentId: 2147483648,
      },
      {},
      'admin',
    );
    expect(department.status).toBe(400);
  });

  it('refuses a value no column can hold with 400 and leaves nothing behind', async () => {
    const doc = parse(seedYaml) as Doc & {
      basicExpenditure: Record<string, unknown>;
      projects: Record<string, unknown>[];
      income: Record<string, unknown>;
    };
    doc.department = { ...doc.department, name: '超大执行率测试局', code: '999001' };
    const target = await server.call(
      'POST',
      '/api/departments',
      { code: '999001', name: '超大执行率测试局' },
      {},
      'admin',
    );
    // A budget of 0.01 元 and 10^15 元 spent: valid amounts, but an execution rate beyond signed 64 bits.
    doc.basicExpenditure['yearStartBudget'] = '0.000001';
    doc.basicExpenditure['actual'] = '100000000000';
    for (const p of doc.projects) Object.assign(p, { yearStartBudget: '0', supplementaryAppropriations: [] });
    doc.income['adjustments'] = [];
    const departments = (await server.call('GET', '/api/departments')).body as unknown as unknown[];
    const answer = await upload(
      server,
      `/api/import?departmentId=${String(target.body['id'])}`,
      stringify(doc),
      'application/yaml',
    );
    expect(answer.status).toBe(400);
    expect(answer.body['findings']).toEqual([expect.objectContaining({ code: 'STORE_VALUE_OUT_OF_RANGE' })]);
    expect((await server.call('GET', '/api/departments')).body).toHaveLength(departments.length);
    expect((await server.call('GET', '/api/datasets')).body).toHaveLength(1);
  });

  it('documents a 2xx answer for every operation, upload bodies, file answers and the 500 ErrorBody', async () => {
    const doc = (await server.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(22);
    for (const { path, method, op } of operations) {
      expect([path, method, Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))]).toEqual([path, method, true]);
      expect([path, method, op.responses['500'] !== undefined]).toEqual([path, method, true]);
    }
    const importOp = doc.paths['/api/import']?.['post'] as unknown as { requestBody: { content: object } };
    expect(Object.keys(importOp.requestBody.content)).toEqual(
      expect.arrayContaining([XLSX, 'application/yaml', 'application/json']),
    );
    const report = doc.paths['/api/datasets/{id}/report']?.['get']?.responses['200']?.content ?? {};
    expect(Object.keys(report)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'text/html',
      'text/markdown',
      XLSX, // the printed 自评表 as a workbook (?format=xlsx)
    ]);
    const exported = doc.paths['/api/datasets/{id}/export']?.['get']?.responses['200']?.content ?? {};
    expect(Object.keys(exported)).toEqual([XLSX, 'application/json', 'application/yaml']);
  });
});

describe.each(testStores())('server log on $dialect', ({ open }) => {
  it('logs every unexpected error at error level even without request logging, and says so', async () => {
    const store = await open();
    const lines: string[] = [];
    const app = await buildServer(
      { store, now: () => FIXED_NOW },
      { webDir: 'none', logStream: { write: (line) => void lines.push(line) } },
    );
    app.get('/api/boom', { config: { access: PUBLIC } }, () => {
      throw new Error('boom for the log');
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const answer = await call(base, 'GET', '/api/boom');
      expect(answer).toEqual({
        status: 500,
        body: { error: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' },
      });
      expect((await call(base, 'GET', '/api/health')).status).toBe(200);
      const logged = lines.map((l) => JSON.parse(l) as { level: number; err?: { message: string } });
      expect(logged).toEqual([
        expect.objectContaining({
          level: 50,
          err: expect.objectContaining({ message: 'boom for the log' }) as unknown,
        }),
      ]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
