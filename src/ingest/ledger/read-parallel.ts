import { availableParallelism } from 'node:os';
import type { LedgerAggregates } from './ledger-aggregates.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { LedgerLineReader } from './ledger-line.js';
import {
  CONTROL_MAIN_FILLED,
  CONTROL_STOP,
  CONTROL_TAIL_ANSWER,
  CONTROL_TAIL_ASKED,
  CONTROL_TAIL_AT_HIGH,
  CONTROL_WORDS,
  CONTROL_WORKER_FILLED,
  CONTROL_AFTER_ASKED,
  answer,
  HASH_COST,
  MIN_TAIL_BYTES,
  storeOffset,
  type PartResult,
  type PartTask,
  type RangeResult,
} from './ledger-part.js';
import { DEFAULT_CHUNK_BYTES, lineBoundaryAfter, readRange, type Encoding, type ScanState } from './ledger-scan.js';
import type { BudgetIndex } from './budget-index.js';
import type { SharedVoucherSlots, VoucherSet } from './voucher-set.js';
import { PartWorker } from './part-worker.js';
import { readWorkerEnd, type WorkerEnd } from './worker-end.js';

/**
 * The main thread's first share of the file, more than half: the worker, which ends its part first, then takes the
 * end of the main thread's (the tail, cut where both should end together), however the two threads' speeds differ
 * in a run. A fixed share could not suit every run: the same thread took 4 s for its share in one run and 6 s in the
 * next (2 December), and 0.46, the best share on one machine, left the worker last on another. 10 M rows, 2
 * December, load 1.2–1.7: the second core idle 0.43 / 0.49 s of a run at 0.46 (no tail), 0.30 / 0.27 s at 0.60
 * (start-up and budgets, single-threaded, are about 0.25 s of it).
 */
const MAIN_SHARE = 0.6;
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
 * The later part of a large ledger, read by a worker thread while the main thread reads the earlier part; then the
 * tail of the main thread's part, which the worker asks for when its own is done (the main thread answers after its
 * chunk, cutting what it has left where both should end together).
 *
 * Same result as one thread, by construction: the worker checks its lines exactly as the main thread does and
 * inserts its vouchers into the same set (voucher-set.ts), as the later part of the file or as the tail (between
 * the two parts): a voucher counted earlier in the file or by an earlier import is a duplicate for it, as for one
 * reader. The cases the set cannot settle alone are a voucher the worker counted first that the main thread then
 * meets earlier in the file (the main thread takes it over), and one the tail meets that the worker's later part
 * counted (a conflict): the worker's ranges are dropped. Then — or for an encoding question, too many rejected lines
 * to hold, a sum near the exact range, a set fuller than its estimate — the main thread reads the rest itself,
 * continuing from where it stands (taking over the worker's vouchers as it meets them): exactly the
 * single-threaded reading. The worker's ranges keep sums of their own, merged in file order (the tail first), so
 * the cells come in the order one reader makes them.
 */
export class ParallelPart {
  readonly split: number;
  /** Where the main thread's part ends: `split`, or the start of the tail the worker took. */
  mainEnd: number;
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
  /** The shared set's slots as the worker got them (the main thread's view for the end of the worker's part). */
  private shared: SharedVoucherSlots | null = null;
  private workerEnded = false;
  /** Slots the main thread filled reading the end of the worker's part (the set counts them once unshared). */
  private endFilled = 0;
  /** Whether the main thread, its part done, read the end of the worker's part. */
  workerEndTaken = false;
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
      /** Tests: the main thread's share of the file, and the shortest tail the worker is given. */
      mainShare?: number;
      minTailBytes?: number;
    },
    private readonly expectedLines: number,
  ) {
    const parallel = splitsAcrossThreads(totalBytes, options);
    const share = options.mainShare ?? MAIN_SHARE;
    this.split = parallel ? lineBoundaryAfter(fd, Math.floor(totalBytes * share), totalBytes) : totalBytes;
    this.mainEnd = this.split;
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
      askForTail: true,
      minTailBytes: this.options.minTailBytes ?? MIN_TAIL_BYTES,
    };
    this.startedWith = encoding;
    this.started = true;
    this.shared = task.vouchers;
    void this.worker.result.then(() => (this.workerEnded = true));
    this.worker.send(task);
  }

  /**
   * After each chunk of the first part (`position`: the bytes read): publishes the main thread's count of vouchers,
   * and stops the worker when the shared set is as full as it may get (its part is then read again). When the
   * worker has asked for more, gives it the tail of this part: the new end of the main thread's range.
   */
  async afterChunk(position: number): Promise<number | undefined> {
    if (!this.started || this.settled !== null) return undefined;
    const { vouchers } = this.options;
    Atomics.store(this.control, CONTROL_MAIN_FILLED, vouchers.size);
    if (vouchers.room < Atomics.load(this.control, CONTROL_WORKER_FILLED)) {
      await this.stop();
      return undefined;
    }
    const asked = Atomics.load(this.control, CONTROL_TAIL_ASKED) === 1;
    if (!asked || Atomics.load(this.control, CONTROL_TAIL_ANSWER) !== 0) return undefined;
    return this.giveTail(position);
  }

  /**
   * Cuts the rest of the main thread's part at the line boundary where both threads end about together (the main
   * thread hashes the rest of the file after its part), and gives the worker what follows; none when too short.
   */
  private giveTail(position: number): number | undefined {
    const left = this.mainEnd - position;
    const keep = Math.max(0, (left - HASH_COST * (this.totalBytes - position)) / (2 - HASH_COST));
    const minTail = this.options.minTailBytes ?? MIN_TAIL_BYTES;
    const from =
      left - keep >= minTail ? lineBoundaryAfter(this.fd, position + Math.floor(keep), this.mainEnd) : this.mainEnd;
    if (from >= this.mainEnd) {
      this.answerTail(-1);
      return undefined;
    }
    storeOffset(this.control, CONTROL_TAIL_AT_HIGH, from);
    if (!this.answerTail(1)) return undefined;
    this.mainEnd = from;
    return from;
  }

  /** Answers the worker's request (once: 1 with the tail's start, -1 for none); false when answered already. */
  private answerTail(value: 1 | -1): boolean {
    return answer(this.control, CONTROL_TAIL_ANSWER, value);
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
    this.answerTail(-1);
    this.worker.end();
  }

  /** The worker's result once it has ended; the set is given back to this thread (once). */
  private async settle(): Promise<PartResult> {
    if (this.settled !== null) return this.settled;
    const part = await this.worker!.result;
    if (this.settled === null) {
      this.settled = part;
      this.options.vouchers.unshare(Atomics.load(this.control, CONTROL_WORKER_FILLED) + this.endFilled);
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
    // The main thread's part is done: no tail to give any more, but it may take the end of the worker's part.
    this.answerTail(-1);
    const year = reader.year;
    const asking = this.started && this.settled === null && year !== null;
    if (asking) Atomics.store(this.control, CONTROL_AFTER_ASKED, 1);
    readRange(this.fd, this.mainEnd, this.totalBytes, onBytes, state.buffer);
    if (!this.started) {
      this.dispose();
      return false;
    }
    const end = asking ? await this.readWorkerEnd(year, state.encoding) : null;
    const part = await this.settle();
    // A voucher the worker counted was met earlier in the file: its acceptance there was wrong.
    const stopped = Atomics.load(this.control, CONTROL_STOP) !== 0;
    if (!part.ok || this.options.vouchers.taken > 0 || stopped || end?.failed === true) return false;
    // The ranges read in file order: the tail (if the worker took one), the worker's part, the end of it that the
    // main thread took (if it did).
    const ranges = [...(part.tail === null ? [] : [part.tail]), part, ...(end?.range ? [end.range] : [])];
    this.workerEndTaken = end?.range != null;
    // The worker started before the first part settled the encoding: all must agree, else read them again.
    for (const range of ranges) {
      if (range.encoding === 'undecided') continue;
      if (state.encoding !== 'undecided' && state.encoding !== range.encoding) return false;
      if (this.startedWith !== 'undecided' && range.encoding !== this.startedWith) return false;
      state.encoding = range.encoding;
    }
    // Near the exact range, only a line-by-line reading refuses at the same line as one reader: read it again.
    // Both checked before either is merged: a fallback reads both again, on sums without them.
    if (!aggregates.canMergeExactly(...ranges.map((range) => range.aggregates))) return false;
    for (const range of ranges) if (!aggregates.merge(range.aggregates)) return false;
    for (const range of ranges) ParallelPart.count(range, state, reader, onReject);
    await onChunk?.(this.totalBytes);
    return true;
  }

  /** Reads the end of the worker's part if the worker hands it over (worker-end.ts). */
  private async readWorkerEnd(year: number, encoding: Encoding): Promise<WorkerEnd> {
    const { budgets, vouchers, chunkBytes } = this.options;
    const end = await readWorkerEnd({
      fd: this.fd,
      totalBytes: this.totalBytes,
      control: this.control,
      shared: this.shared!,
      vouchers,
      budgets,
      year,
      encoding,
      chunkBytes,
      maxRejects: MAX_PART_REJECTS,
      workerEnded: () => this.workerEnded,
    });
    this.endFilled = end.filled;
    return end;
  }

  /** Adds a range's counts and rejects after the lines this thread counted (line numbers from there). */
  private static count(
    range: RangeResult,
    state: ScanState,
    reader: LedgerLineReader,
    onReject: (line: number, code: LedgerRejectCode, bytes: Uint8Array) => void,
  ): void {
    reader.addAccepted(range.accepted);
    state.linesRead += range.linesRead;
    state.rejected += range.rejected;
    for (const [code, count] of Object.entries(range.rejectedByCode) as [LedgerRejectCode, number][])
      state.rejectedByCode[code] = (state.rejectedByCode[code] ?? 0) + count;
    for (const reject of range.rejects) onReject(state.lineNo + reject.line, reject.code, reject.bytes);
    state.lineNo += range.lineNo;
  }
}
