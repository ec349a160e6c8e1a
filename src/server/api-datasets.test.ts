import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { publishThroughWorkflow, seedDocument, startServer, type TestServer } from './testing.js';

type Doc = { projects: { actual: string }[]; fiscalYear: number; [key: string]: unknown };

describe.each(testStores())('datasets API on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  let doc: Doc;
  let departmentId: number;
  let datasetId: number;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    doc = parse(await seedDocument()) as Doc;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('creates a department and a dataset (revision 1) and lists it with key figures', async () => {
    const dep = await server.call(
      'POST',
      '/api/departments',
      {
        code: '430111009',
        name: '雨花区行政审批服务局',
      },
      {},
      'admin',
    );
    expect(dep.status).toBe(201);
    departmentId = dep.body['id'] as number;
    const created = await server.call('POST', '/api/datasets', { departmentId, document: doc });
    expect(created.status).toBe(201);
    datasetId = created.body['id'] as number;
    expect(created.body['latestRevision']).toMatchObject({
      revisionNo: 1,
      author: '测试editor（test-editor）',
      keyFigures: { yearStartBudgetTotal: '901.68', executionRate: '84.87' },
    });
    const list = await server.call('GET', '/api/datasets?year=2020');
    expect((list.body as unknown as { id: number }[]).map((d) => d.id)).toEqual([datasetId]);
    const got = await server.call('GET', `/api/datasets/${datasetId}`);
    expect((got.body['document'] as Doc).projects[0]?.actual).toBe('18.21');
  });

  it('answers a bad document with 400 and located findings, and writes nothing', async () => {
    const bad = { ...doc, projects: [{ ...doc.projects[0], actual: '18.2x' }] };
    const answer = await server.call('PUT', `/api/datasets/${datasetId}`, { baseRevision: 1, document: bad });
    expect(answer.status).toBe(400);
    expect(answer.body['findings']).toEqual([
      expect.objectContaining({
        code: 'AMOUNT_INVALID',
        pathText: '$.document.projects[0].actual',
        message: '不是有效金额：18.2x',
      }),
    ]);
    expect((await server.call('GET', `/api/datasets/${datasetId}/revisions`)).body).toHaveLength(1);
  });

  it('answers a second dataset for the same department and year with 409, and a bad body with 400', async () => {
    expect((await server.call('POST', '/api/datasets', { departmentId, document: doc })).status).toBe(409);
    expect((await server.call('POST', '/api/datasets', { departmentId: 'x', document: doc })).status).toBe(400);
    expect((await server.call('POST', '/api/datasets', { departmentId: 999, document: doc })).status).toBe(404);
  });

  it('saves a revision on the latest base, with a field-by-field summary', async () => {
    const changed = {
      ...doc,
      projects: doc.projects.map((p, i) => (i === 0 ? { ...p, actual: '18.31', returnedToTreasury: '5.19' } : p)),
    };
    const saved = await server.call('PUT', `/api/datasets/${datasetId}`, {
      baseRevision: 1,
      document: changed,
      note: '更正',
    });
    expect(saved.status).toBe(200);
    expect(saved.body['latestRevision']).toMatchObject({
      revisionNo: 2,
      basedOn: 1,
      changeCount: 2,
      summary: expect.stringContaining('$.projects[0].actual') as unknown,
    });
  });

  it('two concurrent saves on the same revision: one succeeds, one gets 409 with both versions; nothing lost', async () => {
    const a = { ...doc, projects: doc.projects.map((p, i) => (i === 1 ? { ...p, actual: '97.00' } : p)) };
    const b = { ...doc, projects: doc.projects.map((p, i) => (i === 2 ? { ...p, actual: '6.50' } : p)) };
    const answers = await Promise.all([
      server.call('PUT', `/api/datasets/${datasetId}`, { baseRevision: 2, document: a }),
      server.call('PUT', `/api/datasets/${datasetId}`, { baseRevision: 2, document: b }),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    const lost = answers.find((x) => x.status === 409)!;
    const details = lost.body['details'] as {
      latest: { revisionNo: number; document: Doc };
      submitted: { baseRevision: number; document: Doc };
    };
    expect(details.latest.revisionNo).toBe(3);
    expect(details.submitted.baseRevision).toBe(2);
    const winner = answers.find((x) => x.status === 200)!;
    expect(details.latest.document).toEqual(winner.body['document']);
    expect([
      details.submitted.document.projects[1]?.actual,
      details.submitted.document.projects[2]?.actual,
    ]).not.toEqual([details.latest.document.projects[1]?.actual, details.latest.document.projects[2]?.actual]);
    const revisions = (await server.call('GET', `/api/datasets/${datasetId}/revisions`)).body as unknown as {
      revisionNo: number;
    }[];
    expect(revisions.map((r) => r.revisionNo)).toEqual([3, 2, 1]);
  });

  it('lists, reads and compares revisions; publishes one', async () => {
    const r1 = await server.call('GET', `/api/datasets/${datasetId}/revisions/1`);
    expect((r1.body['document'] as Doc).projects[0]?.actual).toBe('18.21');
    const diff = await server.call('GET', `/api/datasets/${datasetId}/diff?from=1&to=2`);
    expect(diff.body['changes']).toEqual([
      { path: ['projects', 0, 'actual'], pathText: '$.projects[0].actual', old: '18.21', new: '18.31' },
      {
        path: ['projects', 0, 'returnedToTreasury'],
        pathText: '$.projects[0].returnedToTreasury',
        old: '5.29',
        new: '5.19',
      },
    ]);
    expect((await server.call('GET', `/api/datasets/${datasetId}/diff?from=1&to=9`)).status).toBe(404);
    expect((await server.call('GET', `/api/datasets/${datasetId}/diff?from=a`)).status).toBe(400);
    expect((await server.call('GET', `/api/datasets/${datasetId}/revisions/9`)).status).toBe(404);
    // The working copy has error findings (the changed project above): it cannot be submitted, so never published.
    const latest = (
      (await server.call('GET', `/api/datasets/${datasetId}`)).body['latestRevision'] as { revisionNo: number }
    ).revisionNo;
    const refused = await publishThroughWorkflow(server, datasetId, latest);
    expect(refused.status).toBe(409);
    expect(refused.body['message']).toMatch(new RegExp(`^第 ${latest} 版有 \\d+ 处错误，不能提交$`));
    expect((refused.body['details'] as { blocking: { severity: string }[] }).blocking[0]?.severity).toBe('error');
    const fixed = await server.call('PUT', `/api/datasets/${datasetId}`, { baseRevision: latest, document: doc });
    expect([fixed.status, fixed.body['writtenRevision']]).toEqual([200, latest + 1]);
    const published = await publishThroughWorkflow(server, datasetId, latest + 1);
    expect(published.body).toMatchObject({
      revisionNo: latest + 1,
      publishedBy: '测试reviewer（test-reviewer）',
      publishedAt: '2021-03-01T08:00:00.000Z',
    });
    const publishAgain = { revisionNo: 'one' };
    expect((await server.call('POST', `/api/datasets/${datasetId}/publish`, publishAgain, {}, 'reviewer')).status).toBe(
      400,
    );
    const portal = await server.call('GET', '/api/public/reports?year=2020', undefined, {}, 'anonymous');
    expect(portal.body).toEqual([expect.objectContaining({ datasetId, revision: latest + 1 })]);
  });

  it('answers an unknown dataset with 404 and a stale base with 409', async () => {
    expect((await server.call('GET', '/api/datasets/999')).status).toBe(404);
    expect((await server.call('GET', '/api/datasets/999/revisions')).status).toBe(404);
    expect((await server.call('PUT', `/api/datasets/${datasetId}`, { baseRevision: 1, document: doc })).status).toBe(
      409,
    );
    expect((await server.call('PUT', `/api/datasets/${datasetId}`, { document: doc })).status).toBe(400);
  });
});
