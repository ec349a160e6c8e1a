import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/context.js';
import { saveDataset } from '../app/datasets.js';
import { importDataset } from '../app/import-export.js';
import { createUser } from '../app/users.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { declaredRoutes } from './access.js';
import { buildServer } from './build-server.js';
import { call, FIXED_NOW, signIn, TEST_PASSWORD } from './testing.js';

/**
 * 权限矩阵: every API route, called by each kind of caller on department A's data, with the status each must get.
 * `editorOwn` is A's editor, `editorOther` the editor of department B calling on A's data. A route that exists but
 * is missing here (or the reverse) fails the test, so a new route cannot ship without its row.
 */
type Caller = 'anonymous' | 'editorOther' | 'admin' | 'reviewer' | 'editorOwn';
const CALLERS: readonly Caller[] = ['anonymous', 'editorOther', 'admin', 'reviewer', 'editorOwn'];
/** 'ok' is any 2xx. */
type Expected = 'ok' | 401 | 403 | 404;
type Cell = Readonly<Record<Caller, Expected>>;

const OPEN: Cell = { anonymous: 'ok', editorOther: 'ok', admin: 'ok', reviewer: 'ok', editorOwn: 'ok' };
const SIGNED_IN: Cell = { anonymous: 401, editorOther: 'ok', admin: 'ok', reviewer: 'ok', editorOwn: 'ok' };
const READ_A: Cell = { anonymous: 401, editorOther: 404, admin: 'ok', reviewer: 'ok', editorOwn: 'ok' };
const ADMIN: Cell = { anonymous: 401, editorOther: 403, admin: 'ok', reviewer: 403, editorOwn: 403 };
const EDIT_A: Cell = { anonymous: 401, editorOther: 404, admin: 403, reviewer: 403, editorOwn: 'ok' };
const REVIEW_A: Cell = { anonymous: 401, editorOther: 403, admin: 403, reviewer: 'ok', editorOwn: 403 };
const AUDIT: Cell = { anonymous: 401, editorOther: 403, admin: 'ok', reviewer: 'ok', editorOwn: 403 };
const COMMENT_A: Cell = { anonymous: 401, editorOther: 404, admin: 403, reviewer: 'ok', editorOwn: 'ok' };

type World = { a: number; dataset: number; b: number; base: string; ctx: AppContext; user: number };
type Request = { path: string; body?: unknown; headers?: Record<string, string> };
type Row = {
  route: string;
  cell: Cell;
  request: (w: World, caller: Caller) => Request | Promise<Request>;
  /** Each caller gets a session of its own for this row (logout ends the session it is called with). */
  freshSession?: boolean;
  /** Run before the row's calls: puts the data in the state the row needs. */
  before?: (w: World) => Promise<void>;
};

const seed = readFileSync('examples/yuhua-2020.yaml', 'utf8');

async function latest(w: World): Promise<number> {
  const detail = await call(w.base, 'GET', `/api/datasets/${w.dataset}`, undefined, sessions.get('editorOwn'));
  return (detail.body['latestRevision'] as { revisionNo: number }).revisionNo;
}

async function explanations(w: World, revisionNo: number): Promise<Record<string, string>> {
  const path = `/api/datasets/${w.dataset}/findings?revision=${revisionNo}`;
  const answer = await call(w.base, 'GET', path, undefined, sessions.get('editorOwn'));
  const findings = answer.body['findings'] as { severity: string; key: string }[];
  return Object.fromEntries(findings.filter((f) => f.severity === 'warning').map((f) => [f.key, '原因已说明']));
}

/** Department A under the code the example ledger (imported by the row before) uses: the seed import keyed it by name. */
async function ledgerForA(w: World): Promise<void> {
  await w.ctx.store.db.updateTable('departments').set({ code: '430111009' }).where('id', '=', w.a).execute();
}

/** Dataset A as the seed again after the ledger filled it (the rows after it submit and approve it). */
async function restoreA(w: World): Promise<void> {
  const author = { kind: 'system', label: '测试' } as const;
  const saved = await saveDataset(w.ctx, w.dataset, {
    baseRevision: await latest(w),
    document: JSON.parse(seedJson),
    author,
  });
  if (!saved.ok) throw new Error(saved.error.message);
}

const sessions = new Map<Caller, Record<string, string>>();
let serial = 0;

const ROWS: Row[] = [
  { route: 'GET /api/health', cell: OPEN, request: () => ({ path: '/api/health' }) },
  { route: 'GET /api/openapi.json', cell: OPEN, request: () => ({ path: '/api/openapi.json' }) },
  {
    route: 'POST /api/auth/login',
    cell: OPEN,
    request: () => ({ path: '/api/auth/login', body: { name: 'matrix-login', password: TEST_PASSWORD } }),
  },
  { route: 'GET /api/auth/session', cell: SIGNED_IN, request: () => ({ path: '/api/auth/session' }) },
  {
    route: 'POST /api/auth/logout',
    cell: SIGNED_IN,
    freshSession: true,
    request: () => ({ path: '/api/auth/logout' }),
  },
  {
    route: 'POST /api/auth/password',
    cell: SIGNED_IN,
    freshSession: true,
    request: () => ({
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  { route: 'GET /api/users', cell: ADMIN, request: () => ({ path: '/api/users' }) },
  {
    route: 'POST /api/users',
    cell: ADMIN,
    request: () => ({
      path: '/api/users',
      body: { name: `matrix-user-${++serial}`, displayName: '矩阵用户', role: 'reviewer', password: TEST_PASSWORD },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    cell: ADMIN,
    request: (w) => ({ path: `/api/users/${w.user}`, body: { displayName: '矩阵用户（改）' } }),
  },
  { route: 'GET /api/departments', cell: SIGNED_IN, request: () => ({ path: '/api/departments' }) },
  {
    route: 'POST /api/departments',
    cell: ADMIN,
    request: () => ({ path: '/api/departments', body: { code: `M${++serial}`, name: '矩阵新部门' } }),
  },
  { route: 'GET /api/departments/:id', cell: READ_A, request: (w) => ({ path: `/api/departments/${w.a}` }) },
  {
    route: 'PATCH /api/departments/:id',
    cell: { ...ADMIN, editorOther: 403 },
    request: (w) => ({ path: `/api/departments/${w.a}`, body: { name: '长沙市雨花区行政审批服务局' } }),
  },
  { route: 'GET /api/datasets', cell: SIGNED_IN, request: () => ({ path: '/api/datasets' }) },
  {
    route: 'POST /api/datasets',
    cell: { ...EDIT_A, editorOther: 404 },
    request: (w) => ({
      path: '/api/datasets',
      body: { departmentId: w.a, document: { ...(JSON.parse(seedJson) as object), fiscalYear: 2099 } },
    }),
  },
  { route: 'GET /api/datasets/:id', cell: READ_A, request: (w) => ({ path: `/api/datasets/${w.dataset}` }) },
  {
    route: 'PUT /api/datasets/:id',
    cell: EDIT_A,
    request: async (w) => ({
      path: `/api/datasets/${w.dataset}`,
      body: { baseRevision: await latest(w), document: edited(), note: '矩阵' },
    }),
  },
  {
    route: 'GET /api/datasets/:id/revisions',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/revisions` }),
  },
  {
    route: 'GET /api/datasets/:id/revisions/:revisionNo',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/revisions/1` }),
  },
  {
    route: 'GET /api/datasets/:id/diff',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/diff?from=1&to=2` }),
  },
  ...['figures', 'findings', 'score', 'problems'].map((what): Row => ({
    route: `GET /api/datasets/:id/${what}`,
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/${what}` }),
  })),
  {
    route: 'GET /api/datasets/:id/report',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/report?format=md` }),
  },
  {
    route: 'GET /api/datasets/:id/export',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/export?format=json` }),
  },
  { route: 'GET /api/template.xlsx', cell: SIGNED_IN, request: () => ({ path: '/api/template.xlsx' }) },
  {
    route: 'POST /api/import',
    cell: { ...EDIT_A, editorOther: 404 },
    request: async (w) => ({
      path: `/api/import?format=yaml&departmentId=${w.a}&baseRevision=${await latest(w)}`,
      body: seed,
      headers: { 'content-type': 'application/yaml' },
    }),
  },
  {
    route: 'POST /api/audit-report',
    cell: SIGNED_IN,
    request: () => ({
      path: '/api/audit-report?fileName=a.txt',
      body: '二、部门整体预算支出情况\n2020年度年初预算为901.68万元。\n',
      headers: { 'content-type': 'text/plain' },
    }),
  },
  {
    route: 'POST /api/datasets/:id/import',
    cell: EDIT_A,
    request: async (w) => ({
      path: `/api/datasets/${w.dataset}/import?format=yaml&baseRevision=${await latest(w)}`,
      body: seed,
      headers: { 'content-type': 'application/yaml' },
    }),
  },
  {
    route: 'POST /api/datasets/:id/rollover',
    cell: EDIT_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/rollover` }),
  },
  {
    route: 'POST /api/ledger/import',
    cell: ADMIN,
    request: () => ({
      path: '/api/ledger/import',
      body: {
        fileName: 'ledger-2020.csv',
        ledger: readFileSync('examples/ledger/ledger-2020.csv').toString('base64'),
        budgets: readFileSync('examples/ledger/budgets-2020.csv').toString('base64'),
      },
    }),
  },
  {
    route: 'POST /api/datasets/:id/ledger-fill',
    cell: EDIT_A,
    before: ledgerForA,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/ledger-fill` }),
  },
  {
    route: 'GET /api/ledger/progress',
    cell: SIGNED_IN,
    before: restoreA,
    request: () => ({ path: '/api/ledger/progress?asOf=2020-06-30' }),
  },
  { route: 'GET /api/overview', cell: SIGNED_IN, request: () => ({ path: '/api/overview?year=2020' }) },
  {
    route: 'GET /api/datasets/:id/workflow',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/workflow` }),
  },
  {
    route: 'POST /api/datasets/:id/submit',
    cell: EDIT_A,
    request: async (w) => {
      const revisionNo = await latest(w);
      return {
        path: `/api/datasets/${w.dataset}/submit`,
        body: { revisionNo, explanations: await explanations(w, revisionNo) },
      };
    },
  },
  {
    route: 'POST /api/datasets/:id/comments',
    cell: COMMENT_A,
    request: async (w) => ({
      path: `/api/datasets/${w.dataset}/comments`,
      body: { revisionNo: await latest(w), body: '请核对基本支出', path: '$.basicExpenditure.actual' },
    }),
  },
  {
    route: 'GET /api/datasets/:id/comments',
    cell: READ_A,
    request: (w) => ({ path: `/api/datasets/${w.dataset}/comments` }),
  },
  {
    route: 'POST /api/datasets/:id/return',
    cell: REVIEW_A,
    request: async (w) => ({
      path: `/api/datasets/${w.dataset}/return`,
      body: { revisionNo: await latest(w), comment: '退回修改' },
    }),
  },
  {
    route: 'POST /api/datasets/:id/approve',
    cell: REVIEW_A,
    before: async (w) => {
      const revisionNo = await latest(w);
      const body = { revisionNo, explanations: await explanations(w, revisionNo) };
      const answer = await call(w.base, 'POST', `/api/datasets/${w.dataset}/submit`, body, sessions.get('editorOwn'));
      expect(answer.status).toBe(200);
    },
    request: async (w) => ({ path: `/api/datasets/${w.dataset}/approve`, body: { revisionNo: await latest(w) } }),
  },
  {
    route: 'POST /api/datasets/:id/publish',
    cell: REVIEW_A,
    request: async (w) => ({ path: `/api/datasets/${w.dataset}/publish`, body: { revisionNo: await latest(w) } }),
  },
  {
    route: 'GET /api/reports/published.zip',
    cell: AUDIT,
    request: () => ({ path: '/api/reports/published.zip?year=2020' }),
  },
  { route: 'GET /api/public/reports', cell: OPEN, request: () => ({ path: '/api/public/reports' }) },
  {
    route: 'GET /api/public/reports/:id',
    cell: OPEN,
    request: (w) => ({ path: `/api/public/reports/${w.dataset}?format=md` }),
  },
  { route: 'GET /api/audit', cell: AUDIT, request: () => ({ path: '/api/audit' }) },
];

let seedJson = '';

/** The seed with a changed contact: a save that changes nothing writes no revision. */
function edited(): unknown {
  const document = JSON.parse(seedJson) as { department: object };
  return { ...document, department: { ...document.department, contact: `矩阵联系人${++serial}` } };
}

const ACCOUNTS: Record<Exclude<Caller, 'anonymous'>, string> = {
  editorOwn: 'matrix-editor-a',
  editorOther: 'matrix-editor-b',
  reviewer: 'matrix-reviewer',
  admin: 'matrix-admin',
};

async function setUp(ctx: AppContext, base: string): Promise<World> {
  const system = { kind: 'system', label: '测试' } as const;
  const a = await importDataset(ctx, { format: 'yaml', content: seed, actor: system });
  if (!a.ok || !a.value.saved) throw new Error('seed import failed');
  const other = seed.replace('长沙市雨花区行政审批服务局', '矩阵乙局');
  const b = await importDataset(ctx, { format: 'yaml', content: other, actor: system });
  if (!b.ok || !b.value.saved) throw new Error('second import failed');
  seedJson = JSON.stringify(a.value.document);
  const world = { a: a.value.departmentId, dataset: a.value.id, b: b.value.departmentId, base, ctx, user: 0 };
  const roles = {
    editorOwn: ['editor', [world.a]],
    editorOther: ['editor', [world.b]],
    reviewer: ['reviewer', []],
    admin: ['admin', []],
  } as const;
  for (const [caller, [role, departmentIds]] of Object.entries(roles)) {
    const name = ACCOUNTS[caller as keyof typeof ACCOUNTS];
    const created = await createUser(
      ctx,
      { name, displayName: name, role, departmentIds, password: TEST_PASSWORD },
      system,
    );
    if (!created.ok) throw new Error(created.error.message);
  }
  const extra = await createUser(
    ctx,
    { name: 'matrix-login', displayName: '登录用', role: 'reviewer', departmentIds: [], password: TEST_PASSWORD },
    system,
  );
  if (!extra.ok) throw new Error(extra.error.message);
  world.user = extra.value.id;
  return world;
}

async function signInAll(base: string): Promise<void> {
  for (const [caller, name] of Object.entries(ACCOUNTS))
    sessions.set(caller as Caller, await signIn(base, name, TEST_PASSWORD));
}

const matches = (status: number, expected: Expected) =>
  expected === 'ok' ? status >= 200 && status < 300 : status === expected;

describe.each(testStores())('authorization matrix on $dialect', ({ open }) => {
  let store: Store;
  let app: FastifyInstance;
  let world: World;

  beforeAll(async () => {
    store = await open();
    const ctx: AppContext = { store, now: () => FIXED_NOW };
    app = await buildServer(ctx, { webDir: 'none' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    world = await setUp(ctx, base);
    sessions.clear();
    await signInAll(base);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('has a row for every declared route and a route for every row', () => {
    const declared = declaredRoutes(app)
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(ROWS.map((r) => r.route).sort()).toEqual([...new Set(declared)]);
    expect(
      declaredRoutes(app)
        .filter((r) => r.url.startsWith('/api/docs'))
        .every((r) => r.access.roles === 'public'),
    ).toBe(true);
  });

  // Over 200 requests, two of them rendering every published report of a year (DOCX + PDF, inline): 10–15 s on a
  // busy 2-core machine, so room well beyond 3× that.
  it('gives every caller the status its role and department allow, on every route', { timeout: 120_000 }, async () => {
    const seen: string[] = [];
    for (const row of ROWS) {
      await row.before?.(world);
      const [method = 'GET'] = row.route.split(' ');
      for (const caller of CALLERS) {
        const request = await row.request(world, caller);
        const own =
          caller === 'anonymous'
            ? {}
            : row.freshSession === true
              ? await signIn(world.base, ACCOUNTS[caller], TEST_PASSWORD)
              : (sessions.get(caller) ?? {});
        const answer = await call(world.base, method, request.path, request.body, { ...own, ...request.headers });
        seen.push(`${row.route} ${caller} → ${answer.status}`);
        if (!matches(answer.status, row.cell[caller]))
          throw new Error(
            `${row.route} as ${caller}: ${answer.status} ${JSON.stringify(answer.body)}, expected ${row.cell[caller]}`,
          );
      }
      // Changing one's password ends one's other sessions: sign everyone in again.
      if (row.route === 'POST /api/auth/password') await signInAll(world.base);
    }
    expect(seen).toHaveLength(ROWS.length * CALLERS.length);
  });
});
