import type { AggregateState } from './ledger-aggregates.js';
import type { CodeTableSnapshot } from './code-table.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { Encoding } from './ledger-scan.js';
import type { SharedVoucherSlots } from './voucher-set.js';

/**
 * Words of the Int32Array over `PartTask.control`, through which the two threads watch the shared voucher set's
 * room while both insert: each stores its count of filled slots after every chunk, and the main thread may ask the
 * worker to stop (the set is full enough to grow, or the result is no longer needed).
 */
export const CONTROL_STOP = 0;
export const CONTROL_MAIN_FILLED = 1;
export const CONTROL_WORKER_FILLED = 2;
export const CONTROL_WORDS = 3;

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
};

/** A rejected line of a part: line number within the part (1 = its first line), code, raw bytes. */
export type PartReject = { line: number; code: LedgerRejectCode; bytes: Uint8Array };

export type PartResult =
  | {
      ok: true;
      encoding: Encoding;
      lineNo: number;
      linesRead: number;
      accepted: number;
      rejected: number;
      rejectedByCode: Partial<Record<LedgerRejectCode, number>>;
      rejects: PartReject[];
      aggregates: AggregateState;
    }
  /**
   * The part cannot be merged as read (an encoding question, too many rejects, a sum out of range, asked to stop):
   * read it again.
   */
  | { ok: false };
