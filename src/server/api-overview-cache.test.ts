import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startOverviewWarmUp } from '../app/overview-warm-up.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { buildServer } from './build-server.js';
import { overviewRow } from './responses.js';
import { seedDocument, signIn, startServer, type TestServer } from './testing.js';

type Doc = Record<string, unknown> & { department: Record<string, unknown> };
type Row = { datasetId: number; latestRevision: number; state: string; department: { code: string } };

describe.each(testStores())('overview cache, ETag and pages on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  let doc: Doc;
  let limitedEditor: Record<string, string>;
  const ids: number[] = [];
  const departments: number[] = [];

  /** GET /api/overview as a role or with the given session, with extra headers. */
  async function overview(query: string, extra: Record<string, string> = {}, as: 'editor' | 'reviewer' = 'reviewer') {
    const response = await server.fetch(`/api/overview${query}`, { headers: extra }, as);
    const text = await response.text();
    return { response, etag: response.headers.get('etag'), rows: text === '' ? [] : (JSON.parse(text) as Row[]) };
  }

  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    doc = parse(await seedDocument()) as Doc;
    for (const code of ['C-1', 'C-2', 'C-3']) {
      const dep = await server.call('POST', '/api/departments', { code, name: `缓存测试${code}` }, {}, 'admin');
      departments.push(dep.body['id'] as number);
      const created = await server.call('POST', '/api/datasets', { departmentId: dep.body['id'], document: doc });
      expect(created.status).toBe(201);
      ids.push(created.body['id'] as number);
    }
    const user = { name: 'c1-editor', displayName: 'C-1 填报人', role: 'editor', password: 'c1-editor-password' };
    const made = await server.call('POST', '/api/users', { ...user, departmentIds: [departments[0]] }, {}, 'admin');
    expect(made.status).toBe(201);
    limitedEditor = await signIn(server.base, user.name, user.password);
    // Three saves, an argon2 hash and two sign-ins: about 5 s on a busy machine, over 10 s (the default) at worst.
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('answers the rows of the contract with a strong ETag, and 304 without a body to If-None-Match', async () => {
    const first = await overview('?year=2020');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toContain('application/json');
    expect(first.etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.response.headers.get('x-total-count')).toBe('3');
    expect(first.response.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.response.headers.get('content-encoding')).toBe('gzip'); // fetch asks for it, as browsers do
    expect(first.response.headers.get('link')).toBeNull();
    expect(first.rows.map((r) => r.department.code)).toEqual(['C-1', 'C-2', 'C-3']);
    expect(() => overviewRow.array().parse(first.rows)).not.toThrow();
    const again = await overview('?year=2020', { 'if-none-match': first.etag ?? '' });
    expect(again.response.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    expect(await overview('?year=2020', { 'if-none-match': `"other", W/${first.etag ?? ''}` })).toMatchObject({
      response: { status: 304 },
    });
    expect((await overview('?year=2020', { 'if-none-match': '"other"' })).response.status).toBe(200);
  });

  it('pages with offset and limit: X-Total-Count, a Link to the next page, a tag per page', async () => {
    const page1 = await overview('?year=2020&limit=2');
    expect(page1.rows.map((r) => r.department.code)).toEqual(['C-1', 'C-2']);
    expect(page1.response.headers.get('x-total-count')).toBe('3');
    expect(page1.response.headers.get('link')).toBe('</api/overview?year=2020&limit=2&offset=2>; rel="next"');
    const page2 = await overview('?year=2020&limit=2&offset=2');
    expect(page2.rows.map((r) => r.department.code)).toEqual(['C-3']);
    expect(page2.response.headers.get('link')).toBeNull();
    expect(page2.etag).not.toBe(page1.etag);
    expect((await overview('?year=2020&offset=9')).rows).toEqual([]);
    for (const bad of ['limit=0', 'limit=5001', 'offset=-1', 'limit=1.5'])
      expect((await overview(`?year=2020&${bad}`)).response.status).toBe(400);
  });

  it('never gives an editor the reviewer’s cached answer: its own rows under its own tag', async () => {
    const reviewer = await overview('?year=2020');
    const response = await fetch(`${server.base}/api/overview?year=2020`, {
      headers: { ...limitedEditor, 'if-none-match': reviewer.etag ?? '' },
    });
    expect(response.status).toBe(200);
    const rows = (await response.json()) as Row[];
    expect(rows.map((r) => r.datasetId)).toEqual([ids[0]]);
    expect(response.headers.get('etag')).not.toBe(reviewer.etag);
    expect(response.headers.get('x-total-count')).toBe('1');
  });

  it('changes the answer and its tag after a save and after a workflow step', async () => {
    const before = await overview('?year=2020');
    const id = ids[1] ?? 0;
    const basic = doc['basicExpenditure'] as Record<string, unknown>;
    const document = { ...doc, basicExpenditure: { ...basic, actual: '400' } };
    expect((await server.call('PUT', `/api/datasets/${id}`, { baseRevision: 1, document })).status).toBe(200);
    const saved = await overview('?year=2020', { 'if-none-match': before.etag ?? '' });
    expect(saved.response.status).toBe(200);
    expect(saved.etag).not.toBe(before.etag);
    expect(saved.rows.find((r) => r.datasetId === id)).toMatchObject({ latestRevision: 2, state: 'draft' });
    const other = ids[2] ?? 0;
    const findings = await server.call('GET', `/api/datasets/${other}/findings?revision=1`);
    const warnings = (findings.body['findings'] as { severity: string; key: string }[]).filter(
      (f) => f.severity === 'warning',
    );
    const explanations = Object.fromEntries(warnings.map((w) => [w.key, '已说明原因（测试）']));
    const submitted = await server.call('POST', `/api/datasets/${other}/submit`, { revisionNo: 1, explanations });
    expect(submitted.status).toBe(200);
    const stepped = await overview('?year=2020', { 'if-none-match': saved.etag ?? '' });
    expect(stepped.response.status).toBe(200);
    expect(stepped.rows.find((r) => r.datasetId === other)).toMatchObject({ state: 'submitted' });
  });

  it('keeps the tag when only unrelated entries were written (a sign-in), so the view stays 304', async () => {
    const before = await overview('?year=2020');
    await signIn(server.base, 'c1-editor', 'c1-editor-password');
    expect((await overview('?year=2020', { 'if-none-match': before.etag ?? '' })).response.status).toBe(304);
  });

  it('warms every working copy in the background and reports it in /api/health', async () => {
    const warmUp = startOverviewWarmUp(server.ctx);
    const summary = await warmUp.done;
    expect(summary).toMatchObject({ state: 'warm', datasets: 3 });
    expect((await server.call('GET', '/api/health')).body).toMatchObject({ overviewCache: 'warm' });
    // Behind Jixiao's back the documents become unreadable: the warmed overviews still answer.
    await store.db.updateTable('revisions').set({ document: '{' }).execute();
    const stamp = await store.db.selectFrom('audit_head').select('entries').executeTakeFirstOrThrow();
    await store.db
      .updateTable('audit_head')
      .set({ entries: stamp.entries + 1 })
      .execute();
    const rows = (await overview('?year=2020')).rows as (Row & { status: string })[];
    expect(rows.map((r) => r.status)).not.toContain('error');
  });

  it('starts the warm-up once listening when asked to, and stops it on close', async () => {
    const app = await buildServer(server.ctx, { webDir: 'no-web-dist-in-tests', warmOverview: true });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const health = (await (await fetch(`${base}/api/health`)).json()) as { overviewCache: string };
    expect(['warming', 'warm']).toContain(health.overviewCache);
    await app.close();
  });
});
