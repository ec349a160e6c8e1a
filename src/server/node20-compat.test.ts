import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * cookie@2 (via @fastify/cookie 11) and content-disposition@3 (via @fastify/static 10) declare Node ≥ 22;
 * Jixiao supports Node 20. These run the code paths that use them, on whatever Node runs the tests.
 */
describe('Node 22-only transitive dependencies', () => {
  it('sets and parses cookies through @fastify/cookie (cookie@2)', async () => {
    const app = Fastify({ forceCloseConnections: true });
    await app.register(fastifyCookie);
    app.get('/set', (_req, reply) =>
      reply.setCookie('session', 'a b;c', { path: '/', httpOnly: true }).send({ ok: true }),
    );
    app.get('/get', (req) => ({ value: req.cookies['session'] ?? null }));
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const set = await fetch(`${base}/set`);
    const cookie = set.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    const got = (await (await fetch(`${base}/get`, { headers: { cookie: cookie.split(';')[0] ?? '' } })).json()) as {
      value: string;
    };
    expect(got.value).toBe('a b;c');
    await app.close();
  });

  it('downloads a file with a Chinese name through @fastify/static (content-disposition@3)', async () => {
    const app = Fastify({ forceCloseConnections: true });
    await app.register(fastifyStatic, { root: resolve('examples'), serve: false });
    app.get('/download', (_req, reply) => reply.download('yuhua-2020.yaml', '雨花区 2020.yaml'));
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${base}/download`);
    expect(response.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%E9%9B%A8%E8%8A%B1%E5%8C%BA%202020.yaml",
    );
    expect(await response.text()).toContain('fiscalYear: 2020');
    await app.close();
  });
});
