import { exitFatal } from '../fail.js';
import { createProgram } from '../program.js';

export type CliResult = { code: number; stdout: string; stderr: string };

/** `process.exit` as seen in-process: ends the command (the thrown value unwinds it) and keeps the first code. */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`进程结束（${code}）`);
  }
}

/** The longest one in-process command may take (the CLI test files allow 180 s a test). */
const COMMAND_LIMIT_MS = 120_000;

class CommandOverdue extends Error {
  constructor(args: readonly string[]) {
    super(`jixiao ${args.join(' ')} did not end within ${COMMAND_LIMIT_MS / 1000} s`);
  }
}

type Write = typeof process.stdout.write;

/** A stream's write that keeps the bytes; after the command has exited, a real process would write nothing more. */
function capture(chunks: Buffer[], exited: () => boolean): Write {
  type Done = (error?: Error | null) => void;
  return (chunk: string | Uint8Array, encoding?: BufferEncoding | Done, callback?: Done) => {
    if (!exited())
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk),
      );
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done !== undefined) process.nextTick(() => done());
    return true;
  };
}

/** Sets an object's property for the run; returns how to put it back as it was (own, or its prototype's). */
function replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (own === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, own);
  };
}

/** Sets variables for the run; returns how to put every one back. */
function withEnv(env: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(before))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  };
}

/**
 * Runs `jixiao ...args` in this process, as bin/jixiao.js would run it (the same program, the same last-resort handler,
 * `process.exit` and `process.exitCode` as the exit code), with standard output and error captured. Once the first
 * command has loaded its modules, a command takes milliseconds against about a second for a child process; the CLI
 * tests that need a real process (closed pipes, standard input, start-up) spawn it instead. Commands run one at a time
 * (two started together wait for each other): each swaps process-wide streams and `exit`.
 */
export function runInProcess(env: Record<string, string>, args: readonly string[]): Promise<CliResult> {
  const run = queue.then(() => runAlone(env, args));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function runAlone(env: Record<string, string>, args: readonly string[]): Promise<CliResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let code: number | undefined;
  const exited = () => code !== undefined;
  const exitCodeBefore = process.exitCode;
  const restore = [
    withEnv(env),
    replace(process.stdout, 'write', capture(out, exited)),
    replace(process.stderr, 'write', capture(err, exited)),
    replace(process, 'exit', (given?: number | string | null): never => {
      code ??= Number(given ?? process.exitCode ?? 0);
      throw new ExitCalled(code);
    }),
  ];
  process.exitCode = undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A command that never ends must not keep the streams and `exit` replaced for every later command of this
    // process (the test files share it): it fails on its own before the tests' 180 s.
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CommandOverdue(args)), COMMAND_LIMIT_MS);
    });
    await Promise.race([createProgram().parseAsync(['node', 'jixiao', ...args]), overdue]);
  } catch (error) {
    if (error instanceof CommandOverdue) throw error;
    if (!(error instanceof ExitCalled)) {
      try {
        exitFatal(error);
      } catch (exit) {
        if (!(exit instanceof ExitCalled)) throw exit;
      }
    }
  } finally {
    clearTimeout(timer);
    code ??= Number(process.exitCode ?? 0);
    for (const undo of restore) undo();
    process.exitCode = exitCodeBefore;
  }
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
