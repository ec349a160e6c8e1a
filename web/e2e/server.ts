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
  const port = await freePort();
  const dbDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/jixiao.js', 'serve', '--port', String(port), '--db', join(dbDir, 'jixiao.sqlite')],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited (${child.exitCode}):\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
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
