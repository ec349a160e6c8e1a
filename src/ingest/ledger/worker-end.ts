import type { BudgetIndex } from './budget-index.js';
import { LedgerAggregates } from './ledger-aggregates.js';
import { LedgerLineReader } from './ledger-line.js';
import {
  CONTROL_AFTER_ANSWER,
  CONTROL_AFTER_AT_HIGH,
  CONTROL_MAIN_FILLED,
  CONTROL_WORKER_FILLED,
  loadOffset,
  type RangeResult,
} from './ledger-part.js';
import type { Encoding } from './ledger-scan.js';
import { readCountedRange } from './range-read.js';
import { VoucherSet, type SharedVoucherSlots } from './voucher-set.js';

/** What the main thread needs to read the end of the worker's part. */
export type WorkerEndTask = {
  fd: number;
  totalBytes: number;
  control: Int32Array;
  /** The shared set's slots, and the main thread's own view of them (its count, its room). */
  shared: SharedVoucherSlots;
  vouchers: VoucherSet;
  budgets: BudgetIndex;
  year: number;
  encoding: Encoding;
  chunkBytes?: number | undefined;
  maxRejects: number;
  /** Whether the worker has ended (it then answers nothing any more). */
  workerEnded: () => boolean;
};

/**
 * The end of the worker's part as the main thread read it: null when the worker kept it all; `failed` when it cannot
 * be merged as read (the whole rest is then read again). `filled`: the shared set's slots it filled either way.
 */
export type WorkerEnd = { range: RangeResult | null; failed: boolean; filled: number };

class EndStopped extends Error {}

/**
 * The main thread, its part done (and the rest of the file hashed), waits for the worker's answer to its request
 * (read-parallel.ts asked): the end of the worker's part, from a line boundary on, which it reads as the last range
 * of the file (owner AFTER in the voucher set), with sums of its own, merged after the worker's.
 */
export async function readWorkerEnd(task: WorkerEndTask): Promise<WorkerEnd> {
  const { control } = task;
  while (Atomics.load(control, CONTROL_AFTER_ANSWER) === 0 && !task.workerEnded())
    await new Promise((resolve) => setTimeout(resolve, 1));
  if (Atomics.load(control, CONTROL_AFTER_ANSWER) !== 1) return { range: null, failed: false, filled: 0 };
  const view = VoucherSet.after(task.shared);
  try {
    const range = await readEnd(task, loadOffset(control, CONTROL_AFTER_AT_HIGH), view);
    return { range, failed: range === null, filled: view.size };
  } catch (error) {
    if (error instanceof EndStopped) return { range: null, failed: true, filled: view.size };
    throw error;
  }
}

function readEnd(task: WorkerEndTask, from: number, view: VoucherSet): Promise<RangeResult | null> {
  const { control, vouchers } = task;
  const aggregates = new LedgerAggregates(task.budgets);
  const reader = new LedgerLineReader(task.budgets, view, aggregates, task.year);
  // The set's room, as while reading the main thread's part (read-parallel.ts: afterChunk).
  const onChunk = () => {
    Atomics.store(control, CONTROL_MAIN_FILLED, vouchers.size + view.size);
    if (vouchers.room - view.size < Atomics.load(control, CONTROL_WORKER_FILLED)) throw new EndStopped();
  };
  const { fd, totalBytes: to, encoding, maxRejects, chunkBytes } = task;
  return readCountedRange({ fd, from, to, encoding, maxRejects, chunkBytes, onChunk }, reader, aggregates);
}
