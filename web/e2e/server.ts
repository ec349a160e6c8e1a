import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** A free loopback port, chosen by the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; dbDir: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts the real `jixiao serve` on a fresh temp database (which loads the seed when empty) and waits for
 * /api/health. The web app must have been built into web/dist (`npm run test:e2e` does that first).
 */
export async function startServer(): Promise<RunningServer> {
  // Developers may point the tests at a server they already run (e.g. `npm run dev:web` against `jixiao serve`).
  const given = process.env['JIXIAO_E2E_URL'];
  if (given !== undefined && given !== '')
    return { url: given, dbDir: '', stop: () => Promise.resolve(), output: () => '' };
  // Two files run at a time: the other may take the free port between the probe and the server's listen.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort();
    } catch (error) {
      if (attempt === 3 || !(error instanceof PortTaken)) throw error;
    }
  }
}

/** The server exited because another process took its port first. */
class PortTaken extends Error {}

async function startOnFreePort(): Promise<RunningServer> {
  const port = await freePort();
  const dbDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/jixiao.js', 'serve', '--port', String(port), '--db', join(dbDir, 'jixiao.sqlite')],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      // One heavy-work thread (not one per core): several servers and Chromium share two cores during the run. At the
      // server's default nice (10) that thread starved behind the other files' browsers and servers, and a report ran
      // past its 30 s budget (load 9, four files at a time); here nothing needs the HTTP loop to come first.
      env: {
        ...process.env,
        NODE_ENV: 'test',
        JIXIAO_WORKERS: process.env['JIXIAO_WORKERS'] ?? '1',
        JIXIAO_WORKER_NICE: process.env['JIXIAO_WORKER_NICE'] ?? '0',
      },
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dbDir, { recursive: true, force: true });
      if (log.includes('端口已被占用')) throw new PortTaken(log);
      throw new Error(`jixiao serve exited (${child.exitCode}):\n${log}`);
    }
    try {
      // Only once this server said it listens: until then the port may answer for the other file's server.
      const response = await fetch(`${url}/api/health`);
      if (response.ok && log.includes('Jixiao 已启动') && child.exitCode === null) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`jixiao serve did not answer /api/health in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dbDir, { recursive: true, force: true });
  };
  return { url, dbDir, stop, output: () => log };
}

/** The demo accounts a fresh database gets (docs/accounts-and-workflow.md, Demo accounts). */
export const DEMO_PASSWORDS = {
  admin: 'jixiao-admin-demo',
  reviewer: 'jixiao-reviewer-demo',
  yuhua: 'jixiao-yuhua-demo',
} as const;
export type DemoAccount = keyof typeof DEMO_PASSWORDS;

/** A signed-in API client: the session cookie and the CSRF token on every request, as the web app sends them. */
export type ApiClient = {
  headers: Record<string, string>;
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** JSON in, JSON out; a non-2xx answer throws with its status and body. */
  json: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;
};

/** Logs in over the API (POST /api/auth/login) as a demo account, or any account with its password. */
export async function apiLogin(base: string, name: string, password?: string): Promise<ApiClient> {
  const secret = password ?? DEMO_PASSWORDS[name as DemoAccount];
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: secret }),
  });
  if (!response.ok) throw new Error(`login ${name} → ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('jixiao_session='))
    .join('; ');
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await call(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status}: ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return { headers, fetch: call, json };
}
