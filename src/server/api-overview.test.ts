import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { publishThroughWorkflow, seedDocument, startServer, type TestServer } from './testing.js';

type Doc = Record<string, unknown> & { department: Record<string, unknown> };
type Row = Record<string, unknown> & { datasetId: number; status: string; failure: { code: string } | null };

describe.each(testStores())('overview API on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  let doc: Doc;
  const ids: Record<'seed' | 'unknownPack' | 'unreadable', number> = { seed: 0, unknownPack: 0, unreadable: 0 };

  async function addDataset(code: string, name: string, document: Doc): Promise<number> {
    const dep = await server.call('POST', '/api/departments', { code, name }, {}, 'admin');
    const created = await server.call('POST', '/api/datasets', { departmentId: dep.body['id'], document });
    expect(created.status).toBe(201);
    return created.body['id'] as number;
  }
  const overview = async (query: string) => server.call('GET', `/api/overview${query}`);
  const rows = async (query = '?year=2020') => (await overview(query)).body as unknown as Row[];
  const rowOf = async (id: number) => (await rows()).find((r) => r.datasetId === id);

  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    doc = parse(await seedDocument()) as Doc;
    ids.seed = await addDataset('430111009', '雨花区行政审批服务局', doc);
    ids.unknownPack = await addDataset('E-PACK', '未知规则包局', { ...doc, rulePack: 'no-such-pack' });
    ids.unreadable = await addDataset('E-DOC', '数据损坏局', doc);
    // A revision written outside Jixiao with a broken document (revisions are appended, never rewritten).
    const latest = await store.db
      .selectFrom('revisions')
      .select(['dataset_id', 'author', 'created_at', 'summary', 'change_count', 'unit', 'error_count', 'warning_count'])
      .select(['year_start_budget_total', 'full_year_budget_total', 'income_total', 'expenditure_total'])
      .select('execution_rate')
      .where('dataset_id', '=', ids.unreadable)
      .executeTakeFirstOrThrow();
    const text = (v: string | number | bigint) => String(v);
    await store.db
      .insertInto('revisions')
      .values({
        ...latest,
        year_start_budget_total: text(latest.year_start_budget_total),
        full_year_budget_total: text(latest.full_year_budget_total),
        income_total: text(latest.income_total),
        expenditure_total: text(latest.expenditure_total),
        execution_rate: latest.execution_rate === null ? null : text(latest.execution_rate),
        revision_no: 2,
        based_on: 1,
        document: '{"fiscalYear": 2020, "projects": [',
      })
      .execute();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('gives the seed row the report’s figures, computed by selfEvaluate under the national pack', async () => {
    const answer = await overview('?year=2020');
    expect(answer.status).toBe(200);
    expect(await rowOf(ids.seed)).toMatchObject({
      fiscalYear: 2020,
      department: { code: '430111009', name: '雨花区行政审批服务局', parentId: null },
      latestRevision: 1,
      latestPublishedRevision: null,
      rulePack: 'national',
      executionRate: '84.87',
      projectExecutionRateYearStart: '81.57',
      payments: [
        { month: 3, progress: '4.60', schedule: '25.00', behind: true },
        { month: 6, progress: '30.02', schedule: '50.00', behind: true },
        { month: 9, progress: '45.08', schedule: '75.00', behind: true },
      ],
      scoreTotal: '98.49',
      grade: '优',
      status: 'incomplete',
      failure: null,
    });
  });

  it('answers a dataset with an unknown rule pack and one whose document cannot be read as error rows', async () => {
    const all = await rows();
    expect(all).toHaveLength(3);
    expect(all.find((r) => r.datasetId === ids.unknownPack)).toMatchObject({
      status: 'error',
      statusLabel: '无法计算',
      failure: { code: 'RULE_PACK_UNKNOWN', message: '未知的评分规则包：no-such-pack' },
      executionRate: null,
      scoreTotal: null,
    });
    expect(all.find((r) => r.datasetId === ids.unreadable)).toMatchObject({
      latestRevision: 2,
      status: 'error',
      failure: { code: 'DOCUMENT_UNREADABLE' },
      department: { name: '数据损坏局' },
    });
  });

  it('shows a publication and a new revision at once (the cache is per revision)', async () => {
    const published = await publishThroughWorkflow(server, ids.seed, 1);
    expect(published.status).toBeLessThan(300);
    expect(await rowOf(ids.seed)).toMatchObject({
      status: 'published',
      statusLabel: '已公开',
      latestPublishedRevision: { revisionNo: 1 },
    });
    const basic = doc['basicExpenditure'] as Record<string, unknown>;
    const saved = await server.call('PUT', `/api/datasets/${ids.seed}`, {
      baseRevision: 1,
      document: { ...doc, basicExpenditure: { ...basic, actual: '400' } },
    });
    expect(saved.status).toBe(200);
    const changed = await rowOf(ids.seed);
    expect(changed).toMatchObject({ latestRevision: 2, latestPublishedRevision: { revisionNo: 1 } });
    expect(changed?.status).not.toBe('published');
    expect(changed?.['executionRate']).not.toBe('84.87');
  });

  it('filters by department and answers a year without datasets with an empty list', async () => {
    const dep = (await rowOf(ids.unknownPack))?.['department'] as { id: number };
    expect((await rows(`?year=2020&departmentId=${dep.id}`)).map((r) => r.datasetId)).toEqual([ids.unknownPack]);
    expect(await rows('?year=1999')).toEqual([]);
  });

  it.each(['', '?year=abc', '?year=2020.5', '?year=2020&departmentId=0'])('answers %j with 400', async (query) => {
    const answer = await overview(query);
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe('INVALID');
  });

  it('documents the route and its 200 answer in the OpenAPI document', async () => {
    const openapi = await server.call('GET', '/api/openapi.json');
    const paths = openapi.body['paths'] as Record<string, { get?: { responses?: Record<string, unknown> } }>;
    expect(Object.keys(paths['/api/overview']?.get?.responses ?? {})).toContain('200');
  });
});
