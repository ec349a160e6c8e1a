import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quietOnClosedPipe } from './output.js';
import { REPO_ROOT, SEED } from './testing/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url));

/** A stream whose every write fails the way a pipe does once its reader has gone. */
function failingStream(code: string): Writable & { attempts: number } {
  const stream = new Writable({
    write(_chunk, _encoding, callback) {
      stream.attempts++;
      callback(Object.assign(new Error(`write ${code}`), { code, syscall: 'write' }));
    },
  }) as Writable & { attempts: number };
  stream.attempts = 0;
  return stream;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('quietOnClosedPipe', () => {
  it('drops every write after EPIPE, calls their callbacks and reports nothing', async () => {
    const stream = failingStream('EPIPE');
    const others: string[] = [];
    quietOnClosedPipe(stream, (code) => others.push(code));
    stream.write('第一行\n');
    await tick();
    let called = false;
    expect(stream.write('第二行\n', () => (called = true))).toBe(true);
    expect(stream.write('第三行\n', 'utf8')).toBe(true);
    await tick();
    expect({ attempts: stream.attempts, called, others }).toEqual({ attempts: 1, called: true, others: [] });
  });

  it('hands any other write error to the caller with its code', async () => {
    const stream = failingStream('ENOSPC');
    const others: string[] = [];
    quietOnClosedPipe(stream, (code) => others.push(code));
    stream.write('x\n');
    await tick();
    expect(others).toEqual(['ENOSPC']);
  });
});

describe('jixiao check FILE | head -1', () => {
  // Whether a write lands after the reader has gone depends on timing (the command may have written everything
  // already); either way the contract is the same: the first line, exit 0, nothing on stderr.
  it('prints the first finding and exits 0 with nothing on stderr when the reader stops after one line', async () => {
    const child = spawn(process.execPath, [BIN, 'check', SEED], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const end = stdout.indexOf('\n');
        if (end === -1) return;
        child.stdout.destroy();
        resolve(stdout.slice(0, end));
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(await firstLine).toMatch(/^\[(提示|警告)\] [A-Z_]+ {2}examples\/yuhua-2020\.yaml:\d+:\d+/);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 90_000);
});
