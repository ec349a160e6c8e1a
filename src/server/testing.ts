import { readFile } from 'node:fs/promises';
import type { AppContext } from '../app/context.js';
import type { Store } from '../store/connect.js';
import { buildServer } from './build-server.js';

/** A real server on 127.0.0.1 and an ephemeral port, over a real store, with a fixed clock. */
export type TestServer = { base: string; ctx: AppContext; close: () => Promise<void> };

export const FIXED_NOW = new Date('2021-03-01T08:00:00.000Z');

export async function startServer(store: Store): Promise<TestServer> {
  const ctx: AppContext = { store, now: () => FIXED_NOW };
  const app = await buildServer(ctx, { webDir: 'no-web-dist-in-tests' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, ctx, close: () => app.close() };
}

export async function seedDocument(): Promise<string> {
  return readFile('examples/yuhua-2020.yaml', 'utf8');
}

export type Answer = { status: number; body: Record<string, unknown> & { [key: string]: unknown } };

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
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}
