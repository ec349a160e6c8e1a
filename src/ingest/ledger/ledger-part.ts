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
 * offset where it stops in the two TAIL_AT words, or -1 for none — also its answer once its own part is done).
 */
export const CONTROL_STOP = 0;
export const CONTROL_MAIN_FILLED = 1;
export const CONTROL_WORKER_FILLED = 2;
export const CONTROL_TAIL_ASKED = 3;
export const CONTROL_TAIL_ANSWER = 4;
/** The tail's first byte: its offset ÷ 2³² and its offset mod 2³² (a file may pass 2 GB). */
export const CONTROL_TAIL_AT_HIGH = 5;
export const CONTROL_TAIL_AT_LOW = 6;
export const CONTROL_WORDS = 7;

/** The offset the main thread stored as the tail's start. */
export const tailAt = (control: Int32Array): number =>
  Atomics.load(control, CONTROL_TAIL_AT_HIGH) * 2 ** 32 + (Atomics.load(control, CONTROL_TAIL_AT_LOW) >>> 0);

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
