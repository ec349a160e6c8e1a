import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HeavyResult, HeavyTask } from './tasks.js';
import { configuredWorkerNice } from './thread-priority.js';

/** Why a task did not finish: over its time or memory budget, no room in the queue, or the worker failed. */
export type HeavyFailure = 'timeout' | 'memory' | 'busy' | 'crashed';
export type HeavyOutcome = { ok: true; result: HeavyResult } | { ok: false; failure: HeavyFailure; message: string };

/** What use cases run heavy tasks with: a worker pool in the server, nothing (inline) in the CLI. */
export type HeavyRunner = {
  run: (task: HeavyTask) => Promise<HeavyOutcome>;
  close: () => Promise<void>;
  /** Worker threads: how many tasks run at once (a bulk job keeps this many in flight). */
  size: number;
};

export type PoolOptions = {
  /** Worker threads (default: the machine's cores, at least 1). */
  size?: number;
  /** Wall time a task may take before its worker is stopped (default 30 s). */
  timeoutMs?: number;
  /** Heap a worker may grow to (default 1024 MB); beyond it the task fails, not the server. */
  maxHeapMb?: number;
  /** Tasks waiting for a worker beyond which new ones are refused as busy (default 64). */
  maxQueue?: number;
  /**
   * The workers' nice value (default `configuredWorkerNice()`, 10): below the server's HTTP loop. A batch with no
   * loop to keep answering (`jixiao report --all`) passes 0, so other processes on the machine do not starve it.
   */
  nice?: number;
  /**
   * Each worker's young generation in MB (default 12, small for the server's RSS). A batch that renders report after
   * report (`jixiao report --all`) gives more: at 12 MB a worker spent a fifth of its time collecting garbage.
   */
  youngGenerationMb?: number;
};

/** Young generation of a server's worker (MB). */
const WORKER_YOUNG_GENERATION_MB = 12;

type Job = { task: HeavyTask; resolve: (outcome: HeavyOutcome) => void };
type WorkerMessage = { ready?: boolean; loaded?: boolean; ok?: boolean; result?: HeavyResult; message?: string };
type Slot = { worker: Worker; ready: Promise<void>; job: Job | null; timer: NodeJS.Timeout | null };

/**
 * Compiled (dist/), a worker runs worker.js itself; from the sources, through worker-bootstrap.js (the compiled worker
 * if dist/ is fresh, else tsx).
 */
const BOOTSTRAP = new URL(import.meta.url.endsWith('.js') ? './worker.js' : './worker-bootstrap.js', import.meta.url);

/**
 * 重任务线程池: heavy work runs off the HTTP event loop, each task within a time and a heap budget. A task over
 * its time is stopped by terminating its worker (a fresh one replaces it); one over its heap kills only its worker.
 * Either way the caller gets a failure to answer with (503 / 413), and the server keeps answering.
 */
export function createWorkerPool(options: PoolOptions = {}): HeavyRunner {
  const size = options.size ?? Math.max(1, availableParallelism());
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const maxQueue = options.maxQueue ?? 64;
  const queue: Job[] = [];
  let closed = false;

  const finish = (slot: Slot, outcome: HeavyOutcome) => {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(outcome);
    next(slot);
  };

  const spawn = (): Slot => {
    const worker = new Worker(BOOTSTRAP, {
      // A smaller young generation than V8's default (up to 16 MB per semi-space): a worker's garbage is short-lived
      // (one evaluation, one report), and three isolates each growing theirs to the full size pushed the server past
      // 300 MB while warming its overview.
      resourceLimits: {
        maxOldGenerationSizeMb: maxHeapMb,
        maxYoungGenerationSizeMb: options.youngGenerationMb ?? WORKER_YOUNG_GENERATION_MB,
      },
      workerData: { nice: options.nice ?? configuredWorkerNice() },
    });
    worker.unref();
    const slot: Slot = { worker, ready: Promise.resolve(), job: null, timer: null };
    slot.ready = new Promise((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (message.ready !== true) return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.ready === true || slot.job === null) return;
      // The document libraries are loaded (once per worker): the task's own budget starts now.
      if (message.loaded === true) return startBudget(slot);
      if (message.ok === true && message.result !== undefined) finish(slot, { ok: true, result: message.result });
      else finish(slot, { ok: false, failure: 'crashed', message: message.message ?? '任务失败' });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      replace(slot, { ok: false, failure: memory ? 'memory' : 'crashed', message: error.message });
    });
    worker.on('exit', () => {
      if (slot.job !== null) replace(slot, { ok: false, failure: 'crashed', message: '工作线程意外退出' });
    });
    return slot;
  };

  const slots: Slot[] = [];
  /** A worker that failed or overran is thrown away and a fresh one takes its place. */
  const replace = (slot: Slot, outcome: HeavyOutcome) => {
    const index = slots.indexOf(slot);
    const job = slot.job;
    slot.job = null;
    if (slot.timer !== null) clearTimeout(slot.timer);
    void slot.worker.terminate();
    job?.resolve(outcome);
    if (index >= 0 && !closed) {
      const fresh = spawn();
      slots[index] = fresh;
      next(fresh);
    }
  };

  const next = (slot: Slot) => {
    if (closed || slot.job !== null) return;
    const job = queue.shift();
    if (job === undefined) return;
    slot.job = job;
    void slot.ready.then(() => {
      if (slot.job !== job) return;
      startBudget(slot);
      slot.worker.postMessage(job.task);
    });
  };

  /** (Re)starts the running task's time budget. */
  const startBudget = (slot: Slot) => {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = setTimeout(
      () => replace(slot, { ok: false, failure: 'timeout', message: `超过 ${timeoutMs / 1000} 秒` }),
      timeoutMs,
    );
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    run: (task) =>
      new Promise<HeavyOutcome>((resolve) => {
        if (closed) return resolve({ ok: false, failure: 'busy', message: '服务正在关闭' });
        if (queue.length >= maxQueue) return resolve({ ok: false, failure: 'busy', message: '排队的任务过多' });
        queue.push({ task, resolve });
        const idle = slots.find((s) => s.job === null);
        if (idle !== undefined) next(idle);
      }),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ ok: false, failure: 'busy', message: '服务正在关闭' });
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
