import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { runInProcess, type CliResult } from './in-process.js';

// Every CLI test file imports this module. A spawn takes about 1 s on an idle machine and up to a minute on a 2-core
// machine under heavy load (when `bin/jixiao.js` must run the TypeScript sources through tsx), and a first in-process
// command loads its modules through Vite; these files get 180 s so that none runs within 3 x of its timeout there.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const run = promisify(execFile);

/** The repository root, found from this file rather than from the working directory the tests were started in. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/jixiao.js', import.meta.url));

/** The seed dataset, relative to REPO_ROOT (commands run there, so findings print this path). */
export const SEED = 'examples/yuhua-2020.yaml';

export type { CliResult };

/**
 * Runs `jixiao ...args` as a user would (in the repository root, so findings print `examples/...`): in this process
 * (see in-process.ts). A non-zero exit is a result, not a throw.
 */
export async function jixiao(...args: string[]): Promise<CliResult> {
  return jixiaoWith({}, ...args);
}

/** The same with extra environment variables (JIXIAO_DEBUG=1, …). */
export async function jixiaoWith(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  if (process.cwd() !== REPO_ROOT.replace(/\/$/, '')) process.chdir(REPO_ROOT);
  return runInProcess(env, args);
}

/** `node bin/jixiao.js ...args` as a child process: for what needs a real one (start-up, exit, pipes, stdin). */
export async function jixiaoSpawned(...args: string[]): Promise<CliResult> {
  return jixiaoSpawnedWith({}, ...args);
}

/** The same with extra environment variables. */
export async function jixiaoSpawnedWith(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A temporary directory for one test's files. */
export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'jixiao-cli-'));
}

/** A copy of the seed as YAML in a temporary directory, changed by `edit` first. */
export async function seedCopy(edit: (seed: Record<string, unknown>) => void, name = 'seed.yaml'): Promise<string> {
  const seed = parse(await readFile(join(REPO_ROOT, SEED), 'utf8')) as Record<string, unknown>;
  edit(seed);
  const file = join(await tempDir(), name);
  await writeFile(file, stringify(seed));
  return file;
}
