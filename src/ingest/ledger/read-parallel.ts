import { availableParallelism } from 'node:os';
import type { LedgerAggregates } from './ledger-aggregates.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { LedgerLineReader } from './ledger-line.js';
import {
  CONTROL_MAIN_FILLED,
  CONTROL_STOP,
  CONTROL_WORDS,
  CONTROL_WORKER_FILLED,
  type PartResult,
  type PartTask,
} from './ledger-part.js';
import { DEFAULT_CHUNK_BYTES, lineBoundaryAfter, readRange, type Encoding, type ScanState } from './ledger-scan.js';
import type { BudgetIndex } from './budget-index.js';
import type { VoucherSet } from './voucher-set.js';
import { PartWorker } from './part-worker.js';

/**
 * The main thread also computes the SHA-256 of the whole file, so it parses a little less than half. Once the worker
 * got its task at once (a given year) and could be started ahead, 48 % left the main thread last at 10 M rows
 * (`--cpu-prof`, load 4: its last line 1.06 s after the worker's), 44 % the worker (0.67 s after): 46 % between.
 */
const MAIN_SHARE = 0.46;
const MAX_PART_REJECTS = 10_000;
/** The shortest line that can be accepted (and so insert a voucher): `V,2020-01-01,1,,3,1,` and its newline. */
const SHORTEST_LINE = 21;
/**
 * The worker's chunk: it checks the shared set's room after each. A quarter of the main thread's, so that the room
 * the set keeps for both threads' chunks past a check (`headroom`) is 5 / 8 of what it was with 1 MB for both: at
 * 1 M rows the set is then sized by the lines alone (10 MB instead of 16 MB of pages to fault in).
 */
const WORKER_CHUNK = 1 << 18;

/**
 * Whether a file of `totalBytes` is read by two threads: from 16 MB (`parallelMinBytes`) on two cores or more (`threads`).
 * A caller that starts the worker ahead (`startLedgerWorker`) asks this first, so a small file starts no thread.
 */
export function splitsAcrossThreads(
  totalBytes: number,
  options: { threads?: number; parallelMinBytes?: number } = {},
): boolean {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  return threads > 1 && totalBytes >= (options.parallelMinBytes ?? 1 << 24);
}

/**
 * The second half of a large ledger, read by a worker thread while the main thread reads the first half.
 *
 * Same result as one thread, by construction: the worker checks its lines exactly as the main thread does and
 * inserts its vouchers into the same set (voucher-set.ts), as the later part of the file: a voucher the main thread
 * or an earlier import counted is a duplicate for it, as for one reader. The one case the set cannot settle alone is
 * a voucher the worker counted first that the main thread then meets earlier in the file: the main thread takes it
 * over, and the worker's part is dropped. Then — or for an encoding question, too many rejected lines to hold, a
 * sum near the exact range, a set fuller than its estimate — the main thread reads the second half itself,
 * continuing from where it stands (taking over the worker's vouchers as it meets them): exactly the
 * single-threaded reading.
 */
export class ParallelPart {
  readonly split: number;
  /**
   * Hashes both threads may each add, two chunks' worth, past a check of the shared set's room (one unseen by the
   * other): the set is sized for them from the start (0 when the file is read by one thread).
   */
  readonly headroom: number;
  private worker: PartWorker | null = null;
  /** Whether the worker has its task (it is started at once, and waits for it). */
  private started = false;
  private settled: PartResult | null = null;
  private startedWith: Encoding = 'undecided';
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));

  constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly totalBytes: number,
    private readonly options: {
      budgets: BudgetIndex;
      vouchers: VoucherSet;
      threads?: number;
      parallelMinBytes?: number;
      chunkBytes?: number;
      /** A worker started ahead (part-worker.ts), used when the file is split, else ended. */
      worker?: PartWorker;
    },
    private readonly expectedLines: number,
  ) {
    const parallel = splitsAcrossThreads(totalBytes, options);
    this.split = parallel ? lineBoundaryAfter(fd, Math.floor(totalBytes * MAIN_SHARE), totalBytes) : totalBytes;
    const linesIn = (bytes: number) => Math.ceil(bytes / SHORTEST_LINE);
    const mainChunk = Math.max(options.chunkBytes ?? DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_BYTES);
    this.headroom = parallel ? 2 * linesIn(mainChunk) + 2 * linesIn(WORKER_CHUNK) : 0;
    // Started before its task is known (the ledger's year): its start then overlaps the main thread's first chunk.
    if (parallel) this.worker = options.worker ?? new PartWorker();
    else options.worker?.end();
  }

  /**
   * While the worker waits for its task, it faults in the pages of the voucher set's slots: fresh memory costs a
   * page fault per 4 KB on first touch (on this virtual machine about 6–15 ms a megabyte), which the main thread's
   * first chunks, whose vouchers land all over the set, would otherwise pay alone.
   */
  prefault(): void {
    if (this.worker !== null && !this.started) this.worker.prefault(this.options.vouchers.buffer);
  }

  /** Gives the worker (once) its task: [split, end), in the ledger's year, sharing the voucher set with it. */
  start(year: number, encoding: Encoding): void {
    if (this.worker === null || this.started || this.settled !== null) return;
    const { budgets, vouchers } = this.options;
    const task: PartTask = {
      path: this.path,
      from: this.split,
      to: this.totalBytes,
      year,
      encoding,
      codes: budgets.codes.snapshot(),
      departments: budgets.departmentCodes.length,
      economicCodes: budgets.economicCodes.length,
      pairs: budgets.pairs.length,
      budgetLines: budgets.lineCount,
      vouchers: vouchers.share(Math.max(0, this.expectedLines - vouchers.size), this.headroom),
      control: this.control.buffer,
      maxRejects: MAX_PART_REJECTS,
      chunkBytes: WORKER_CHUNK,
    };
    this.startedWith = encoding;
    this.started = true;
    this.worker.send(task);
  }

  /**
   * After each chunk of the first part: publishes the main thread's count of vouchers, and stops the worker when
   * the shared set is as full as it may get (its part is then read again).
   */
  async afterChunk(): Promise<void> {
    if (!this.started || this.settled !== null) return;
    const { vouchers } = this.options;
    Atomics.store(this.control, CONTROL_MAIN_FILLED, vouchers.size);
    if (vouchers.room < Atomics.load(this.control, CONTROL_WORKER_FILLED)) await this.stop();
  }

  /** Asks the worker to stop after its chunk and waits until it has (the set is then this thread's alone). */
  async stop(): Promise<void> {
    if (this.worker === null) return;
    if (!this.started) return this.dispose();
    Atomics.store(this.control, CONTROL_STOP, 1);
    await this.settle();
  }

  /** Ends a worker that never got its task (or after a throw: the set is then not this reader's concern). */
  dispose(): void {
    if (this.settled !== null || this.worker === null) return;
    this.settled = { ok: false };
    if (this.started) Atomics.store(this.control, CONTROL_STOP, 1);
    this.worker.end();
  }

  /** The worker's result once it has ended; the set is given back to this thread (once). */
  private async settle(): Promise<PartResult> {
    if (this.settled !== null) return this.settled;
    const part = await this.worker!.result;
    if (this.settled === null) {
      this.settled = part;
      this.options.vouchers.unshare(Atomics.load(this.control, CONTROL_WORKER_FILLED));
      this.worker?.end();
    }
    return this.settled;
  }

  /**
   * After the first part: hashes the second part's bytes, then merges the worker's part into the reader's state.
   * False when it could not (the caller then reads the second part itself).
   */
  async finish(
    state: ScanState,
    reader: LedgerLineReader,
    aggregates: LedgerAggregates,
    onBytes: (bytes: Buffer) => void,
    onReject: (line: number, code: LedgerRejectCode, bytes: Uint8Array) => void,
    onChunk: ((position: number) => Promise<void>) | undefined,
  ): Promise<boolean> {
    readRange(this.fd, this.split, this.totalBytes, onBytes, state.buffer);
    if (!this.started) {
      this.dispose();
      return false;
    }
    const part = await this.settle();
    // A voucher the worker counted was met earlier in the file: its acceptance there was wrong.
    if (!part.ok || this.options.vouchers.taken > 0 || Atomics.load(this.control, CONTROL_STOP) !== 0) return false;
    // The worker started before the first part settled the encoding: both must agree, else read it again.
    if (this.startedWith === 'undecided' && part.encoding !== 'undecided') {
      if (state.encoding !== 'undecided' && state.encoding !== part.encoding) return false;
      state.encoding = part.encoding;
    }
    // Near the exact range, only a line-by-line reading refuses at the same line as one reader: read it again.
    if (!aggregates.canMergeExactly(part.aggregates) || !aggregates.merge(part.aggregates)) return false;
    reader.addAccepted(part.accepted);
    state.linesRead += part.linesRead;
    state.rejected += part.rejected;
    for (const [code, count] of Object.entries(part.rejectedByCode) as [LedgerRejectCode, number][])
      state.rejectedByCode[code] = (state.rejectedByCode[code] ?? 0) + count;
    for (const reject of part.rejects) onReject(state.lineNo + reject.line, reject.code, reject.bytes);
    state.lineNo += part.lineNo;
    await onChunk?.(this.totalBytes);
    return true;
  }
}
