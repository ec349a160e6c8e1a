import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/connect.js';
import { buildServer } from './build-server.js';

/** The built web app's files: the hashed assets are kept by the browser for good, the page itself is asked again. */
describe('web app files', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>绩效</title>');
    writeFileSync(join(dir, 'web', 'assets', 'antd-DEu6oP72.js'), 'export {};');
    writeFileSync(join(dir, 'web', 'assets', 'antd-DEu6oP72.js.br'), 'br');
    writeFileSync(join(dir, 'web', 'favicon.ico'), 'ico');
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'test.sqlite') });
    app = await buildServer({ store, now: () => new Date() }, { webDir: join(dir, 'web') });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the browser keep a hashed asset for a year without asking again', async () => {
    for (const encoding of ['identity', 'br']) {
      const answer = await app.inject({ url: '/assets/antd-DEu6oP72.js', headers: { 'accept-encoding': encoding } });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('asks again for the page and for files without a hash', async () => {
    for (const url of ['/', '/index.html', '/favicon.ico']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=0');
      expect(answer.headers['etag']).toBeDefined();
    }
  });
});
