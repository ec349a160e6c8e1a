import { request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../app/seed.js';
import { testStores } from '../store/testing.js';
import { startServer, useSeededServer } from './testing.js';

/** A raw request with `Expect: 100-continue`: what the server answers before the body is sent. */
function expectContinue(base: string, length: number, headers: Record<string, string>): Promise<number> {
  const url = new URL(`${base}/api/import?format=xlsx`);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: {
        ...headers,
        expect: '100-continue',
        'content-length': String(length),
        'content-type': 'application/octet-stream',
      },
    });
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      req.destroy();
    });
    req.on('continue', () => {
      resolve(100);
      req.destroy();
    });
    req.on('error', reject);
  });
}

describe.each(testStores())('hardening on $dialect', ({ open }) => {
  const context = useSeededServer(open);

  it('sends security headers on every answer', async () => {
    for (const path of ['/api/health', '/api/nothing', '/api/datasets']) {
      const response = await fetch(`${context.server.base}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    }
  });

  it('refuses a NUL anywhere in a JSON body with 400 and its path, on SQLite and PostgreSQL alike', async () => {
    const login = await context.server.call(
      'POST',
      '/api/auth/login',
      { name: 'a\u0000b', password: 'x' },
      {},
      'anonymous',
    );
    expect(login.status).toBe(400);
    expect(login.body['findings']).toEqual([
      expect.objectContaining({ code: 'CONTROL_CHARACTER', pathText: '$.body.name' }),
    ]);
    const comment = await context.server.call('POST', '/api/datasets/1/comments', {
      revisionNo: 1,
      body: '意见\u0000',
    });
    expect(comment.body['findings']).toEqual([expect.objectContaining({ pathText: '$.body.body' })]);
    const detail = await context.server.call('GET', '/api/datasets/1');
    const document = { ...(detail.body['document'] as { department: object }) };
    const nul = { ...document, department: { ...document.department, contact: '张\u0000三' } };
    const saved = await context.server.call('PUT', '/api/datasets/1', { baseRevision: 1, document: nul });
    expect(saved.status).toBe(400);
    expect(saved.body['findings']).toEqual([
      expect.objectContaining({ pathText: '$.body.document.department.contact' }),
    ]);
    const cookie = await context.server.call(
      'GET',
      '/api/datasets',
      undefined,
      { cookie: 'jixiao_session=%00abc' },
      'anonymous',
    );
    expect(cookie.status).toBe(401);
  });

  it('accepts ids only in plain decimal digits', async () => {
    for (const id of ['+1', '0x1', '1e0', '01', '1.0', '%201']) {
      expect([id, (await context.server.call('GET', `/api/datasets/${id}`)).status]).toEqual([id, 400]);
    }
    expect((await context.server.call('GET', '/api/datasets/1')).status).toBe(200);
    expect((await context.server.call('GET', '/api/overview?year=+2020')).status).toBe(400);
  });

  it('answers a too large upload announced with Expect: 100-continue with 413 before the body', async () => {
    const headers = await context.server.headers('editor');
    expect(await expectContinue(context.server.base, 50 * 1024 * 1024, headers)).toBe(413);
    expect(await expectContinue(context.server.base, 1024, headers)).toBe(100);
  });

  it('writes no revision for a save that changes nothing', async () => {
    const detail = await context.server.call('GET', '/api/datasets/1');
    const revisionNo = (detail.body['latestRevision'] as { revisionNo: number }).revisionNo;
    const again = await context.server.call('PUT', '/api/datasets/1', {
      baseRevision: revisionNo,
      document: detail.body['document'],
    });
    expect(again.body).toMatchObject({ unchanged: true, writtenRevision: revisionNo });
    expect((await context.server.call('GET', '/api/datasets/1/revisions')).body).toHaveLength(revisionNo);
  });
});

describe('a database locked by another process', { timeout: 60_000 }, () => {
  it('is waited for, then answered 503 with Retry-After, and nothing is half-written', async () => {
    const [sqlite] = testStores();
    const store = await sqlite!.open();
    const server = await startServer(store);
    try {
      await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml');
      const detail = await server.call('GET', '/api/datasets/1');
      const list = await sql<{ file: string }>`pragma database_list`.execute(store.db);
      const other = new Database(list.rows[0]?.file ?? '');
      other.exec('begin exclusive');
      const document = detail.body['document'] as { department: object };
      const edited = { ...document, department: { ...document.department, contact: '锁定时' } };
      const answer = await server.call('PUT', '/api/datasets/1', { baseRevision: 1, document: edited });
      other.exec('rollback');
      other.close();
      expect(answer).toMatchObject({
        status: 503,
        body: { error: 'UNAVAILABLE', message: '数据库繁忙（被其他进程锁定），请稍后重试' },
      });
      expect((await server.call('GET', '/api/datasets/1/revisions')).body).toHaveLength(1);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
