import { describe, expect, it } from 'vitest';
import { openStore } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { buildServer } from './build-server.js';
import { call, FIXED_NOW, signIn, TEST_PASSWORD, useSeededServer } from './testing.js';

const login = (base: string, name: string, password: string, headers: Record<string, string> = {}) =>
  call(base, 'POST', '/api/auth/login', { name, password }, headers);

describe.each(testStores())('accounts and sessions on $dialect', ({ dialect, open }) => {
  const context = useSeededServer(open);

  it('signs in with argon2id, sets an httpOnly SameSite=Lax cookie and answers the session', async () => {
    const response = await fetch(`${context.server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'test-reviewer', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jixiao_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = (await response.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({
      name: 'test-reviewer',
      role: 'reviewer',
      roleLabel: '财政局审核人',
      departments: [],
    });
    const session = await call(context.server.base, 'GET', '/api/auth/session', undefined, {
      cookie: cookie.split(';')[0] ?? '',
    });
    expect(session.body).toMatchObject({ user: { name: 'test-reviewer' }, csrfToken: body.csrfToken });
    const stored = await context.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('name', '=', 'test-reviewer')
      .executeTakeFirst();
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    // The token itself is never stored: only its SHA-256.
    const token = (cookie.split(';')[0] ?? '').split('=')[1] ?? '';
    const rows = await context.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('refuses a wrong password, an unknown name, a forged cookie and the removed x-jixiao-user header', async () => {
    expect(await login(context.server.base, 'test-reviewer', 'wrong-password')).toEqual({
      status: 401,
      body: { error: 'UNAUTHENTICATED', message: '用户名或密码错误' },
    });
    expect((await login(context.server.base, 'nobody', 'whatever-password')).status).toBe(401);
    const forged = { cookie: 'jixiao_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    expect((await call(context.server.base, 'GET', '/api/datasets', undefined, forged)).status).toBe(401);
    const claimed = { 'x-jixiao-user': encodeURIComponent('财政局局长') };
    expect((await call(context.server.base, 'GET', '/api/datasets', undefined, claimed)).status).toBe(401);
    expect(
      (await call(context.server.base, 'PUT', '/api/datasets/1', { baseRevision: 1, document: {} }, claimed)).status,
    ).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, and a login from another site', async () => {
    const headers = await context.server.headers('editor');
    const before = await context.server.call('GET', '/api/datasets/1');
    const document = { ...(before.body['document'] as object), fiscalYear: 2020 };
    const noToken = { cookie: headers['cookie'] ?? '' };
    const answer = await call(context.server.base, 'PUT', '/api/datasets/1', { baseRevision: 1, document }, noToken);
    expect(answer).toEqual({
      status: 403,
      body: { error: 'CSRF', message: '请求缺少有效的防伪令牌，请刷新页面后重试' },
    });
    const wrongToken = { ...noToken, 'x-csrf-token': 'not-the-token' };
    expect(
      (await call(context.server.base, 'PUT', '/api/datasets/1', { baseRevision: 1, document }, wrongToken)).status,
    ).toBe(403);
    // The old cross-site attack: a text/plain upload needs no preflight, but it has no token either.
    const plain = { ...noToken, 'content-type': 'text/plain' };
    const upload = await call(
      context.server.base,
      'POST',
      '/api/import?format=yaml&departmentId=1&baseRevision=1',
      'x: 1',
      plain,
    );
    expect(upload.status).toBe(403);
    expect((await context.server.call('GET', '/api/datasets/1')).body['latestRevision']).toEqual(
      before.body['latestRevision'],
    );
    const foreign = await login(context.server.base, 'test-editor', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(foreign.body['error']).toBe('CSRF');
  });

  it('throttles repeated failed logins per account, even with the right password then', async () => {
    const name = 'throttled-user';
    await context.store.db
      .insertInto('users')
      .values({
        name,
        display_name: '限流用户',
        role: 'reviewer',
        password_hash: (
          await context.store.db
            .selectFrom('users')
            .select('password_hash')
            .where('name', '=', 'test-reviewer')
            .executeTakeFirstOrThrow()
        ).password_hash,
        created_at: FIXED_NOW.toISOString(),
        updated_at: FIXED_NOW.toISOString(),
      })
      .execute();
    for (let i = 0; i < 5; i++) expect((await login(context.server.base, name, 'wrong-password')).status).toBe(401);
    const blocked = await fetch(`${context.server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password: TEST_PASSWORD }),
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(await blocked.json()).toEqual({
      error: 'THROTTLED',
      message: '登录失败次数过多，请 15 分钟后再试',
      details: { retryAfterSeconds: 900 },
    });
    // Fifteen minutes later the window has passed.
    context.server.setNow(new Date(FIXED_NOW.getTime() + 15 * 60_000 + 1000));
    try {
      expect((await login(context.server.base, name, TEST_PASSWORD)).status).toBe(200);
    } finally {
      context.server.setNow(FIXED_NOW);
    }
  });

  it('throttles one address that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) await login(context.server.base, `spray-${i}`, 'wrong-password');
    expect((await login(context.server.base, 'test-admin', TEST_PASSWORD)).status).toBe(429);
    await context.store.db.deleteFrom('login_failures').execute();
    expect((await login(context.server.base, 'test-admin', TEST_PASSWORD)).status).toBe(200);
  });

  it('ends a session after 2 idle hours and 12 hours at most; logout kills a replayed cookie', async () => {
    const headers = await signIn(context.server.base, 'test-reviewer', TEST_PASSWORD);
    const get = () => call(context.server.base, 'GET', '/api/auth/session', undefined, headers);
    try {
      context.server.setNow(new Date(FIXED_NOW.getTime() + 119 * 60_000));
      expect((await get()).status).toBe(200);
      context.server.setNow(new Date(FIXED_NOW.getTime() + (119 + 121) * 60_000));
      expect((await get()).status).toBe(401);
      context.server.setNow(FIXED_NOW);
      const again = await signIn(context.server.base, 'test-reviewer', TEST_PASSWORD);
      for (let hours = 1; hours < 12; hours++) {
        context.server.setNow(new Date(FIXED_NOW.getTime() + hours * 3600_000));
        expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, again)).status).toBe(200);
      }
      context.server.setNow(new Date(FIXED_NOW.getTime() + 12 * 3600_000));
      expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, again)).status).toBe(401);
    } finally {
      context.server.setNow(FIXED_NOW);
    }
    const live = await signIn(context.server.base, 'test-reviewer', TEST_PASSWORD);
    expect((await call(context.server.base, 'POST', '/api/auth/logout', undefined, live)).status).toBe(204);
    expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, live)).status).toBe(401);
  });

  it('changes a password: the current one is required, other sessions end, the new one works', async () => {
    const first = await signIn(context.server.base, 'test-admin', TEST_PASSWORD);
    const second = await signIn(context.server.base, 'test-admin', TEST_PASSWORD);
    const change = (body: object) => call(context.server.base, 'POST', '/api/auth/password', body, first);
    expect((await change({ currentPassword: 'wrong', newPassword: 'another-password-1' })).status).toBe(403);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'another-password-1' })).status).toBe(204);
    expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, second)).status).toBe(401);
    expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, first)).status).toBe(200);
    expect((await login(context.server.base, 'test-admin', TEST_PASSWORD)).status).toBe(401);
    expect((await login(context.server.base, 'test-admin', 'another-password-1')).status).toBe(200);
    expect((await change({ currentPassword: 'another-password-1', newPassword: TEST_PASSWORD })).status).toBe(204);
  });

  it('lets an administrator create, change and disable accounts; a disabled account cannot sign in', async () => {
    const created = await context.server.call(
      'POST',
      '/api/users',
      { name: 'new-editor', displayName: '新填报人', role: 'editor', departmentIds: [1], password: 'new-editor-pass' },
      {},
      'admin',
    );
    expect(created).toMatchObject({ status: 201, body: { name: 'new-editor', departments: [{ id: 1 }] } });
    const noDepartment = { name: 'lonely', displayName: '无部门', role: 'editor', password: 'lonely-password' };
    expect((await context.server.call('POST', '/api/users', noDepartment, {}, 'admin')).status).toBe(400);
    const id = created.body['id'] as number;
    const session = await signIn(context.server.base, 'new-editor', 'new-editor-pass');
    const disabled = await context.server.call('PATCH', `/api/users/${id}`, { disabled: true }, {}, 'admin');
    expect(disabled.body).toMatchObject({ disabled: true });
    expect((await call(context.server.base, 'GET', '/api/datasets', undefined, session)).status).toBe(401);
    expect((await login(context.server.base, 'new-editor', 'new-editor-pass')).body['message']).toBe('该账号已停用');
  });

  it('answers POST /api/import with a body of null with 400, not 500', async () => {
    const answer = await context.server.call('POST', '/api/import', 'null', { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    const empty = await context.server.call('POST', '/api/import?format=yaml', '', {
      'content-type': 'application/yaml',
    });
    expect(empty.status).toBe(400);
  });

  it.runIf(dialect === 'postgres')('shares a session between two servers on one PostgreSQL', async () => {
    const url = process.env['DATABASE_URL'] ?? '';
    const schema = await context.store.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
      .executeTakeFirstOrThrow();
    const secondStore = await openStore({ dialect: 'postgres', url, schema: schema.s });
    const second = await buildServer({ store: secondStore, now: () => FIXED_NOW }, { webDir: 'none' });
    const secondBase = await second.listen({ host: '127.0.0.1', port: 0 });
    try {
      const headers = await signIn(context.server.base, 'test-reviewer', TEST_PASSWORD);
      expect((await call(secondBase, 'GET', '/api/auth/session', undefined, headers)).status).toBe(200);
      expect((await call(secondBase, 'POST', '/api/auth/logout', undefined, headers)).status).toBe(204);
      expect((await call(context.server.base, 'GET', '/api/auth/session', undefined, headers)).status).toBe(401);
    } finally {
      await second.close();
      await secondStore.close();
    }
  });
});
