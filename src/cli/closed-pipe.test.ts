import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { quietOnClosedPipe } from './output.js';
import { REPO_ROOT } from './testing/run-cli.js';

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

/** What a spawned `jixiao …` wrote, with its exit code; `firstLineOnly` closes our end of stdout after one line. */
async function spawnCli(args: string[], firstLineOnly: boolean) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (firstLineOnly && chunk.includes(0x0a)) child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const bytes = Buffer.concat(chunks);
  return { code, stdout: bytes.toString('utf8'), bytes: bytes.length, stderr };
}

/**
 * A project-form dataset of `count` copies of the MoF example, each with two wrong printed rates and seven wrong
 * printed scores: `check` prints about 4 KB per copy, so 100 copies print far more than a pipe holds (64 KiB).
 */
async function largeDataset(count: number): Promise<string> {
  const example = parse(await readFile(join(REPO_ROOT, 'examples/mof-project-form-2020.yaml'), 'utf8')) as {
    forms: { name: string; funds: { rows: { declaredRate?: string }[] }; indicators: { declaredScore?: string }[] }[];
  };
  const [form] = example.forms;
  if (form === undefined) throw new Error('the example has a form');
  example.forms = Array.from({ length: count }, (_, i) => {
    const copy = structuredClone(form);
    copy.name = `${form.name}（${i + 1}）`;
    copy.funds.rows.forEach((row, r) => {
      if (r < 2) row.declaredRate = r === 0 ? '90' : '99';
    });
    copy.indicators.forEach((indicator) => (indicator.declaredScore = '1'));
    return copy;
  });
  const file = join(await mkdtemp(join(tmpdir(), 'jixiao-pipe-')), 'many-forms.yaml');
  await writeFile(file, stringify(example));
  return file;
}

const PIPE_BUFFER = 64 * 1024;

describe('jixiao check FILE | head -1', () => {
  // The output (about 400 KB) is several pipe buffers long, so the command is still writing when the reader goes:
  // its later writes meet a closed pipe (EPIPE). The contract: the first line, the command's own exit code (1: the
  // dataset has errors, as without the pipe), nothing on stderr. About 5 s per run on an idle 2-core machine.
  it('prints the first finding and ends with its own exit code and nothing on stderr when the reader stops after one line', async () => {
    const file = await largeDataset(100);
    const [whole, head] = await Promise.all([spawnCli(['check', file], false), spawnCli(['check', file], true)]);
    expect(whole.stderr).toBe('');
    expect(whole.bytes).toBeGreaterThan(4 * PIPE_BUFFER);
    // The reader really left early: what it received is short of the whole by more than a pipe buffer.
    expect(whole.bytes - head.bytes).toBeGreaterThan(2 * PIPE_BUFFER);
    const firstLine = head.stdout.slice(0, head.stdout.indexOf('\n'));
    expect(firstLine).toMatch(/^\[错误\] FORM_[A-Z_]+ {2}\S+many-forms\.yaml:\d+:\d+/);
    expect(firstLine).toBe(whole.stdout.slice(0, whole.stdout.indexOf('\n')));
    expect({ code: head.code, stderr: head.stderr }).toEqual({ code: whole.code, stderr: '' });
    expect(whole.code).toBe(1);
  }, 180_000);
});
