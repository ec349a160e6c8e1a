import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { seedIfEmpty } from '../app/seed.js';
import type { AppContext } from '../app/context.js';
import type { HeavyRunner } from '../app/heavy/pool.js';
import { hashPassword } from '../app/passwords.js';
import type { Store } from '../store/connect.js';
import { insertUser, findUser } from '../store/users-repo.js';
import { buildServer } from './build-server.js';

/** Who a test request acts as: a test account of each role, or nobody. */
export type Identity = 'editor' | 'reviewer' | 'admin' | 'anonymous';

export type Answer = { status: number; body: Record<string, unknown> & { [key: string]: unknown } };

/** A real server on 127.0.0.1 and an ephemeral port, over a real store, with a clock tests can move. */
export type TestServer = {
  base: string;
  ctx: AppContext;
  close: () => Promise<void>;
  /** Moves the server's clock (session expiry, throttling windows). */
  setNow: (now: Date) => void;
  /** Cookie and CSRF headers of a signed-in test account ('editor' is granted every department first). */
  headers: (as: Identity) => Promise<Record<string, string>>;
  /** A JSON request as `as` (default: the editor of every department). */
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    as?: Identity,
  ) => Promise<Answer>;
  /** A raw request (files, uploads) as `as` (default: the editor of every department). */
  fetch: (path: string, init?: RequestInit, as?: Identity) => Promise<Response>;
};

export const FIXED_NOW = new Date('2021-03-01T08:00:00.000Z');
export const TEST_PASSWORD = 'test-password-1';

/** The test accounts: `editor` (granted every department on use), `reviewer`, `admin`. */
async function ensureAccounts(ctx: AppContext): Promise<void> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const role of ['editor', 'reviewer', 'admin'] as const) {
    if ((await findUser(ctx.store.db, { name: `test-${role}` })) !== undefined) continue;
    await insertUser(
      ctx.store.db,
      { name: `test-${role}`, displayName: `测试${role}`, role, passwordHash },
      [],
      FIXED_NOW.toISOString(),
    );
  }
}

/** Gives the test editor every department that exists now (tests create departments as they go). */
async function grantEveryDepartment(ctx: AppContext): Promise<void> {
  const user = await findUser(ctx.store.db, { name: 'test-editor' });
  if (user === undefined) return;
  const all = await ctx.store.db.selectFrom('departments').select('id').execute();
  const missing = all.filter((d) => !user.departmentIds.includes(d.id));
  if (missing.length > 0)
    await ctx.store.db
      .insertInto('user_departments')
      .values(missing.map((d) => ({ user_id: user.id, department_id: d.id })))
      .execute();
}

/** Signs in over HTTP; returns the headers a browser would send afterwards (cookie and CSRF token). */
export async function signIn(base: string, name: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!response.ok) throw new Error(`login ${name} → ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': body.csrfToken };
}

export async function startServer(store: Store, options: { heavy?: HeavyRunner } = {}): Promise<TestServer> {
  let now = FIXED_NOW;
  const ctx: AppContext = { store, now: () => now, ...options };
  await ensureAccounts(ctx);
  const app = await buildServer(ctx, { webDir: 'no-web-dist-in-tests' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const signedIn = new Map<Identity, Record<string, string>>();
  const headers = async (as: Identity) => {
    if (as === 'anonymous') return {};
    if (as === 'editor') await grantEveryDepartment(ctx);
    let found = signedIn.get(as);
    if (found === undefined) {
      found = await signIn(base, `test-${as}`, TEST_PASSWORD);
      signedIn.set(as, found);
    }
    return found;
  };
  return {
    base,
    ctx,
    close: () => app.close(),
    setNow: (date) => {
      now = date;
    },
    headers,
    call: async (method, path, body, extra = {}, as = 'editor') =>
      call(base, method, path, body, { ...(await headers(as)), ...extra }),
    fetch: async (path, init = {}, as = 'editor') =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { ...(await headers(as)), ...(init.headers as Record<string, string>) },
      }),
  };
}

export async function seedDocument(): Promise<string> {
  return readFile('examples/yuhua-2020.yaml', 'utf8');
}

/** A JSON request; the answer body parsed. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  // Files (reports, exports) are not JSON: their text stands in for the body.
  const json = (response.headers.get('content-type') ?? '').includes('json');
  if (!json) return { status: response.status, body: text === '' ? {} : { text } };
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}

/** Walks a revision through the workflow to publication: submit (every warning explained), approve, publish. */
export async function publishThroughWorkflow(
  server: TestServer,
  datasetId: number,
  revisionNo: number,
): Promise<Answer> {
  const findings = await server.call('GET', `/api/datasets/${datasetId}/findings?revision=${revisionNo}`);
  const warnings = (findings.body['findings'] as { severity: string; key: string }[]).filter(
    (f) => f.severity === 'warning',
  );
  const explanations = Object.fromEntries(warnings.map((w) => [w.key, '已说明原因（测试）']));
  const submitted = await server.call('POST', `/api/datasets/${datasetId}/submit`, { revisionNo, explanations });
  if (submitted.status !== 200) return submitted;
  const approved = await server.call('POST', `/api/datasets/${datasetId}/approve`, { revisionNo }, {}, 'reviewer');
  if (approved.status !== 200) return approved;
  return server.call('POST', `/api/datasets/${datasetId}/publish`, { revisionNo }, {}, 'reviewer');
}

/**
 * The usual setup of an API test file: a fresh store, a server on it with the seed loaded, both closed after the
 * file. Read `server` and `store` inside tests (they are set in beforeAll).
 */
export function useSeededServer(open: () => Promise<Store>): { server: TestServer; store: Store } {
  const context = {} as { server: TestServer; store: Store };
  beforeAll(async () => {
    context.store = await open();
    context.server = await startServer(context.store);
    await seedIfEmpty(context.server.ctx, 'examples/yuhua-2020.yaml');
  });
  afterAll(async () => {
    await context.server.close();
    await context.store.close();
  });
  return context;
}
