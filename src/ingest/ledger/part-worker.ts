import { Worker } from 'node:worker_threads';
import type { PartResult, PartTask } from './ledger-part.js';

/**
 * Compiled (dist/, or a bundle in .mjs), the worker is ledger-worker.js next to this; from the sources, through
 * ledger-worker-bootstrap.js (the compiled worker when dist/ is fresh, else tsx).
 */
const WORKER = new URL(
  import.meta.url.endsWith('.ts')
    ? './ledger-worker-bootstrap.js'
    : `./ledger-worker${import.meta.url.endsWith('.mjs') ? '.mjs' : '.js'}`,
  import.meta.url,
);

/**
 * The thread that reads the second part of a large ledger (ledger-worker.ts; read-parallel.ts gives it its task).
 * It is started before its task is known: its start — a thread, an isolate, node's and the worker's modules
 * compiled, 60–160 ms — then overlaps other work. `startLedgerWorker` starts one even before the read, e.g. while
 * the budgets are read.
 */
export class PartWorker {
  private readonly worker = new Worker(WORKER);
  /** The worker's answer; `{ ok: false }` when it failed or was ended before it answered. */
  readonly result: Promise<PartResult>;
  private ended = false;

  constructor() {
    const worker = this.worker;
    this.result = new Promise<PartResult>((resolve) => {
      worker.once('message', (message: PartResult) => resolve(message));
      // A worker that fails (out of memory, a fault) only costs the time: the main thread reads its part.
      worker.once('error', () => resolve({ ok: false }));
      worker.once('exit', () => resolve({ ok: false }));
    });
  }

  /** Until its task comes, the worker faults in the pages of `buffer` (ledger-worker.ts). */
  prefault(buffer: SharedArrayBuffer): void {
    if (!this.ended) this.worker.postMessage({ prefault: buffer });
  }

  send(task: PartTask): void {
    if (!this.ended) this.worker.postMessage(task);
  }

  /** Ends the thread (once); a worker never given a task must be ended, or it keeps the process alive. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    void this.worker.terminate();
  }
}

/**
 * A worker for the next `readLedger` (its `worker` option), started now: when the read comes it is ready, instead of
 * starting while the main thread reads its first chunk. The read ends it; a caller that does not read must `end` it.
 */
export function startLedgerWorker(): PartWorker {
  return new PartWorker();
}
