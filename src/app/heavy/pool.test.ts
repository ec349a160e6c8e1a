import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../domain/dataset/parse.js';
import { readDatasetText } from '../../ingest/read-dataset.js';
import { createWorkerPool, type HeavyRunner } from './pool.js';
import { runHeavyTask } from './tasks.js';
import { threadNiceValues, WORKER_NICE } from './thread-priority.js';

const read = readDatasetText(readFileSync('examples/yuhua-2020.yaml', 'utf8'), 'examples/yuhua-2020.yaml');
if (!read.ok) throw new Error('seed unreadable');
const seed = read.dataset;

// Each worker compiles the TypeScript it runs through tsx when it starts (seconds on a busy machine): these tests
// start five, so they get room well beyond 3× their duration.
describe('heavy-work worker pool', { timeout: 180_000 }, () => {
  const pools: HeavyRunner[] = [];
  const pool = (options: Parameters<typeof createWorkerPool>[0]) => {
    const created = createWorkerPool(options);
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('renders in a worker exactly what renders inline', async () => {
    const inline = await runHeavyTask({ kind: 'report', dataset: seed, format: 'md' });
    const inWorker = await pool({ size: 1 }).run({ kind: 'report', dataset: seed, format: 'md' });
    expect(inWorker.ok && inWorker.result.kind).toBe('bytes');
    if (!inWorker.ok || inWorker.result.kind !== 'bytes' || inline.kind !== 'bytes') throw new Error('no bytes');
    expect(Buffer.from(inWorker.result.bytes).equals(Buffer.from(inline.bytes))).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')('runs its workers below the priority of the HTTP loop', async () => {
    const before = threadNiceValues().filter((n) => n === WORKER_NICE).length;
    const workers = pool({ size: 2 });
    // A task on each worker: both have started (and lowered themselves) when both answered.
    await Promise.all([1, 2].map(() => workers.run({ kind: 'report', dataset: seed, format: 'md' })));
    expect(threadNiceValues().filter((n) => n === WORKER_NICE).length - before).toBeGreaterThanOrEqual(2);
    expect(threadNiceValues()).toContain(0);
  });

  it.skipIf(process.platform !== 'linux')('runs a batch pool at the nice value it is given', async () => {
    const before = threadNiceValues().filter((n) => n === 7).length;
    const workers = pool({ size: 1, nice: 7 });
    await workers.run({ kind: 'report', dataset: seed, format: 'md' });
    expect(threadNiceValues().filter((n) => n === 7).length - before).toBe(1);
  });

  it('round-trips a workbook through workers: write, then read back the same dataset', async () => {
    const workers = pool({ size: 1 });
    const written = await workers.run({ kind: 'write-workbook', dataset: seed });
    if (!written.ok || written.result.kind !== 'bytes') throw new Error('no workbook');
    const back = await workers.run({ kind: 'read-workbook', bytes: written.result.bytes });
    if (!back.ok || back.result.kind !== 'workbook' || !back.result.read.ok) throw new Error('not read');
    const again = parseDataset(
      JSON.parse(
        JSON.stringify(back.result.read.dataset, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
      ),
    );
    expect(again.ok).toBe(true);
    expect(back.result.read.dataset.department.name).toBe(seed.department.name);
    expect(back.result.read.dataset.projects.length).toBe(seed.projects.length);
  });

  it('stops a task over its time budget, and the next task gets a fresh worker', async () => {
    const strict = pool({ size: 1, timeoutMs: 1 });
    const over = await strict.run({ kind: 'report', dataset: seed, format: 'pdf' });
    expect(over).toEqual({ ok: false, failure: 'timeout', message: '超过 0.001 秒' });
    const relaxed = pool({ size: 1, timeoutMs: 60_000 });
    expect((await relaxed.run({ kind: 'report', dataset: seed, format: 'html' })).ok).toBe(true);
  });

  it('refuses work beyond its queue as busy instead of piling it up', async () => {
    const tiny = pool({ size: 1, maxQueue: 1 });
    const outcomes = await Promise.all([1, 2, 3].map(() => tiny.run({ kind: 'report', dataset: seed, format: 'md' })));
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.failure)).toContain('busy');
    expect(outcomes.some((o) => o.ok)).toBe(true);
  });

  it('fails a task over its heap budget without taking the process down', async () => {
    const small = pool({ size: 1, maxHeapMb: 8, timeoutMs: 60_000 });
    const outcome = await small.run({ kind: 'report', dataset: seed, format: 'pdf' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && ['memory', 'crashed']).toContain(!outcome.ok && outcome.failure);
  });
});
