// One part of a ledger read on a worker thread (read-ledger.ts splits a large file at line boundaries). It checks
// and sums its lines as the sequential reader does, inserting its vouchers into the set the main thread shares
// (voucher-set.ts); the main thread merges the sums, or reads the part again itself when the part cannot be merged
// as it is (see read-parallel.ts).
import { closeSync, openSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { CodeTable } from './code-table.js';
import { LedgerAggregates, type AggregateState } from './ledger-aggregates.js';
import { LedgerLineReader } from './ledger-line.js';
import { lineBoundaryAfter, type Encoding } from './ledger-scan.js';
import { readCountedRange } from './range-read.js';
import {
  CONTROL_MAIN_FILLED,
  CONTROL_STOP,
  CONTROL_TAIL_ANSWER,
  CONTROL_TAIL_ASKED,
  CONTROL_WORKER_FILLED,
  CONTROL_TAIL_AT_HIGH,
  CONTROL_AFTER_ANSWER,
  CONTROL_AFTER_ASKED,
  CONTROL_AFTER_AT_HIGH,
  HASH_COST,
  answer,
  loadOffset,
  storeOffset,
  type PartResult,
  type PartTask,
  type RangeResult,
} from './ledger-part.js';
import { VoucherSet } from './voucher-set.js';

/** Thrown from the scan's chunk hook to end the part early: the main thread asked, or the shared set is full. */
class PartStopped extends Error {}

async function readPart(task: PartTask): Promise<PartResult> {
  const fd = openSync(task.path, 'r');
  const control = new Int32Array(task.control);
  const vouchers = VoucherSet.later(task.vouchers);
  try {
    const range = { fd, task, control, vouchers, codes: CodeTable.fromSnapshot(task.codes) };
    const part = await readRange(range, task.from, task.to, task.encoding, true);
    // The main thread may no longer take the end of this part.
    answer(control, CONTROL_AFTER_ANSWER, -1);
    if (part === null) return { ok: false };
    let tail: RangeResult | null = null;
    const tailFrom = task.askForTail ? askForTail(control) : -1;
    if (tailFrom !== -1) {
      vouchers.readTail();
      tail = await readRange(range, tailFrom, task.from, part.encoding);
      if (tail === null || vouchers.conflict) return { ok: false };
    }
    return { ok: true, ...part, tail };
  } catch (error) {
    if (error instanceof PartStopped) return { ok: false };
    throw error;
  } finally {
    // The main thread counts the slots this thread filled from here once it has stopped.
    Atomics.store(control, CONTROL_WORKER_FILLED, vouchers.size);
    answer(control, CONTROL_AFTER_ANSWER, -1);
    closeSync(fd);
  }
}

type Range = { fd: number; task: PartTask; control: Int32Array; vouchers: VoucherSet; codes: CodeTable };

/**
 * Reads bytes [from, to) with sums of their own: its counts, rejects and sums, or null when it cannot be merged.
 * `handOver`: the main thread, its part done, may take the end of this range (the range then ends where it starts).
 */
function readRange(
  range: Range,
  from: number,
  to: number,
  encoding: Encoding,
  handOver = false,
): Promise<RangeResult | null> {
  const { fd, task, control, vouchers, codes } = range;
  const shape = {
    departmentCodes: new Array<string>(task.departments).fill(''),
    economicCodes: new Array<string>(task.economicCodes).fill(''),
    pairs: new Array<{ departmentId: number; projectCode: string }>(task.pairs),
    lineCount: task.budgetLines,
  };
  const aggregates = new LedgerAggregates(shape);
  const reader = new LedgerLineReader({ codes }, vouchers, aggregates, task.year);
  const onChunk = (position: number) => {
    Atomics.store(control, CONTROL_WORKER_FILLED, vouchers.size);
    const full = vouchers.room < Atomics.load(control, CONTROL_MAIN_FILLED);
    if (full || vouchers.conflict || Atomics.load(control, CONTROL_STOP) !== 0) throw new PartStopped();
    return handOver ? handOverEnd(range, position, to) : undefined;
  };
  const { maxRejects, chunkBytes } = task;
  return readCountedRange({ fd, from, to, encoding, maxRejects, chunkBytes, onChunk }, reader, aggregates);
}

/**
 * When the main thread, its part done, has asked for the end of this one (and not been answered): cuts what is left
 * at the line boundary where both threads should end together — the main thread first hashes the whole of this
 * part (the file's SHA-256 is its) — and answers with it: the new end of this range. -1 when too little is left.
 */
function handOverEnd(range: Range, position: number, to: number): number | undefined {
  const { control, task, fd } = range;
  if (Atomics.load(control, CONTROL_AFTER_ASKED) !== 1 || Atomics.load(control, CONTROL_AFTER_ANSWER) !== 0)
    return undefined;
  const keep = Math.ceil((to - position + HASH_COST * (task.to - task.from)) / 2);
  const from = to - position - keep >= task.minTailBytes ? lineBoundaryAfter(fd, position + keep, to) : to;
  if (from >= to) {
    answer(control, CONTROL_AFTER_ANSWER, -1);
    return undefined;
  }
  storeOffset(control, CONTROL_AFTER_AT_HIGH, from);
  return answer(control, CONTROL_AFTER_ANSWER, 1) ? from : undefined;
}

/**
 * Asks the main thread for the end of its part and waits for the answer (it gives one after each of its chunks, and
 * when its part is done): the tail's first byte, or -1 for none. Waits in short slices, so that a stop is seen.
 */
function askForTail(control: Int32Array): number {
  Atomics.store(control, CONTROL_TAIL_ASKED, 1);
  for (;;) {
    Atomics.wait(control, CONTROL_TAIL_ANSWER, 0, 20);
    const answer = Atomics.load(control, CONTROL_TAIL_ANSWER);
    if (answer === 1) return loadOffset(control, CONTROL_TAIL_AT_HIGH);
    if (answer === -1 || Atomics.load(control, CONTROL_STOP) !== 0) return -1;
  }
}

/** A message before the task: the voucher set's slots, whose pages to fault in while waiting. */
type Prefault = { prefault: SharedArrayBuffer };

/**
 * The task, which comes in a message (read-parallel.ts starts this thread before the ledger's year is known). Until
 * it comes, the pages of the voucher set's slots are touched one by one, an atomic add of 0 that changes no value
 * (the main thread may be inserting), so that neither thread pays their first-touch faults while reading.
 */
async function awaitTask(): Promise<PartTask> {
  const queue: (PartTask | Prefault)[] = [];
  let wake: (() => void) | null = null;
  const onMessage = (message: PartTask | Prefault) => {
    queue.push(message);
    wake?.();
  };
  parentPort!.on('message', onMessage);
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift()!;
      if (!('prefault' in message)) return message;
      const words = new Int32Array(message.prefault);
      // An atomic add of 0 touches a page without changing it. The main thread may store to the same words meanwhile
      // (it does not share the set yet): formally a race in JavaScript's memory model, but a locked read-modify-write
      // (x86) or an exclusive-monitor loop (ARM) cannot lose that store.
      for (let at = 0; at < words.length; at += PAGE_WORDS) {
        Atomics.add(words, at, 0);
        if (at % (PAGE_WORDS * 64) === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (queue.length > 0) break;
        }
      }
    }
  } finally {
    parentPort!.off('message', onMessage);
  }
}

function buffersOf({ cellKeys, cellSums, daySums }: AggregateState): ArrayBuffer[] {
  const arrays = [cellKeys, cellSums.low, cellSums.high, daySums.low, daySums.high];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** 4 KB pages, in 32-bit words. */
const PAGE_WORDS = 1024;

const result = await readPart(await awaitTask());
// The sums' buffers are moved to the main thread, not copied.
const transfer = result.ok
  ? [result, ...(result.tail ? [result.tail] : [])].flatMap((r) => buffersOf(r.aggregates))
  : [];
parentPort!.postMessage(result, transfer);
