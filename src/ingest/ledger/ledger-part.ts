import type { AggregateState } from './ledger-aggregates.js';
import type { CodeTableSnapshot } from './code-table.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { Encoding } from './ledger-scan.js';
import type { SharedVoucherSlots } from './voucher-set.js';

/**
 * Words of the Int32Array over `PartTask.control`, through which the two threads watch the shared voucher set's
 * room while both insert: each stores its count of filled slots after every chunk, and the main thread may ask the
 * worker to stop (the set is full enough to grow, or the result is no longer needed).
 *
 * And through which they share out the rest of the file: the worker, its part done, asks for the end of the main
 * thread's part (CONTROL_TAIL_ASKED = 1); the main thread answers after its chunk (CONTROL_TAIL_ANSWER: 1 with the
 * offset where it stops in the two TAIL_AT words, or -1 for none — also its answer once its own part is done). And
 * the other way round: the main thread, its part done, asks for the end of the worker's (CONTROL_AFTER_ASKED), which
 * the worker answers after its chunk (CONTROL_AFTER_ANSWER, the offset in the AFTER_AT words), or with -1 when its
 * part is done.
 */
export const CONTROL_STOP = 0;
export const CONTROL_MAIN_FILLED = 1;
export const CONTROL_WORKER_FILLED = 2;
export const CONTROL_TAIL_ASKED = 3;
export const CONTROL_TAIL_ANSWER = 4;
/** The tail's first byte: its offset ÷ 2³² and its offset mod 2³² (a file may pass 2 GB). */
export const CONTROL_TAIL_AT_HIGH = 5;
export const CONTROL_TAIL_AT_LOW = 6;
export const CONTROL_AFTER_ASKED = 7;
export const CONTROL_AFTER_ANSWER = 8;
export const CONTROL_AFTER_AT_HIGH = 9;
export const CONTROL_AFTER_AT_LOW = 10;
export const CONTROL_WORDS = 11;

/**
 * A range shorter than this is not worth handing over (either way): the thread that has it reads it.
 */
export const MIN_TAIL_BYTES = 4 << 20;
/**
 * What hashing a byte costs the main thread against parsing it (SHA-256 at ~1.3 GB/s, parsing at ~120 MB/s a
 * thread): a tail is cut so that both threads end together, the main thread hashing the rest of the file after its part.
 */
export const HASH_COST = 0.1;

/** Stores an offset (a file may pass 2 GB) in two words: ÷ 2³² at `high`, mod 2³² after it. */
export function storeOffset(control: Int32Array, high: number, offset: number): void {
  Atomics.store(control, high, Math.floor(offset / 2 ** 32));
  Atomics.store(control, high + 1, (offset % 2 ** 32) | 0);
}

/** The offset stored at `high` (storeOffset). */
export const loadOffset = (control: Int32Array, high: number): number =>
  Atomics.load(control, high) * 2 ** 32 + (Atomics.load(control, high + 1) >>> 0);

/**
 * Answers a request for a range (once: 1 with its start stored, -1 for none); false when it was answered already.
 * The waiting thread is woken.
 */
export function answer(control: Int32Array, word: number, value: 1 | -1): boolean {
  const answered = Atomics.compareExchange(control, word, 0, value) === 0;
  Atomics.notify(control, word);
  return answered;
}

/** What a worker thread reads: bytes [from, to) of the file, against the budgets' codes, in the ledger's year. */
export type PartTask = {
  path: string;
  from: number;
  to: number;
  year: number;
  encoding: Encoding;
  codes: CodeTableSnapshot;
  departments: number;
  economicCodes: number;
  /** Department–project pairs (the sums' keys are pairs × economic codes). */
  pairs: number;
  /** Budget lines (the sums are sized for about as many cells). */
  budgetLines: number;
  /** The voucher set of the whole file, which the worker inserts into as the later part (voucher-set.ts). */
  vouchers: SharedVoucherSlots;
  /** CONTROL_WORDS words (above). */
  control: SharedArrayBuffer;
  /** More rejected lines than this and the part is read again by the main thread (memory stays bounded). */
  maxRejects: number;
  /** The worker's chunk (it checks the shared set's room after each). */
  chunkBytes: number;
  /** Whether the worker, its part done, asks for the end of the main thread's (the tail). */
  askForTail: boolean;
  /** The shortest range either thread hands over (MIN_TAIL_BYTES; tests lower it). */
  minTailBytes: number;
};

/** A rejected line of a part: line number within the part (1 = its first line), code, raw bytes. */
export type PartReject = { line: number; code: LedgerRejectCode; bytes: Uint8Array };

/** What a reading of one range found, line by line (counted from the range's first line), and its sums. */
export type RangeResult = {
  encoding: Encoding;
  lineNo: number;
  linesRead: number;
  rejected: number;
  rejectedByCode: Partial<Record<LedgerRejectCode, number>>;
  rejects: PartReject[];
  accepted: number;
  aggregates: AggregateState;
};

/**
 * The worker's part, and the tail it read after it (null when none), each with its own sums: merged in file order
 * (the tail first), the cells come in the order one reader makes them.
 */
export type PartResult =
  | (RangeResult & { ok: true; tail: RangeResult | null })
  /**
   * The part cannot be merged as read (an encoding question, too many rejects, a sum out of range, asked to stop):
   * read it again.
   */
  | { ok: false };
