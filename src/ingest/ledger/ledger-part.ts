import type { AggregateState } from './ledger-aggregates.js';
import type { CodeTableSnapshot } from './code-table.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { Encoding } from './ledger-scan.js';

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
  expectedLines: number;
  /** More rejected lines than this and the part is read again by the main thread (memory stays bounded). */
  maxRejects: number;
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
      voucherSlots: Uint32Array;
      voucherCount: number;
    }
  /** The part cannot be merged as read (an encoding question, too many rejects, a sum out of range): read it again. */
  | { ok: false };
