import type { LedgerAggregates } from './ledger-aggregates.js';
import { MAX_LINE_FEN, parseDateBytes, parseYuanBytes } from './ledger-fields.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { CodeTable } from './code-table.js';
import { DEPARTMENT_SCOPE, ECONOMIC_SCOPE, projectScope } from './budget-index.js';
import { COLUMNS, isVoucher, splitLine, splitPlainLine } from './line-split.js';
import { PendingLines } from './pending-lines.js';
import { hashVoucher } from './voucher-hash.js';
import type { VoucherSet } from './voucher-set.js';

/** A line found to repeat a counted voucher when its batch is inserted: its number and bytes in the chunk. */
export type OnDuplicate = (line: number, start: number, end: number) => void;

/**
 * Checks and counts one ledger line on its raw bytes (ASCII delimiters never occur inside a UTF-8 or GB18030
 * character, so the same code reads both): split into 7 fields, validate, deduplicate the voucher and add the
 * amount to the aggregates. `read` returns the reason of a rejected line, or null for a line that passed its checks;
 * once the ledger's year is known such a line waits in a batch (pending-lines.ts) for `flush`, which inserts the
 * batch's vouchers and adds the sums of those counted for the first time, in line order. The caller flushes before
 * it reports another reject, and before the chunk's bytes are reused.
 */
export class LedgerLineReader {
  private readonly starts = new Int32Array(COLUMNS + 1);
  private readonly ends = new Int32Array(COLUMNS + 1);
  private readonly hash = new Uint32Array(2);
  /** The FNV-1a hashes of a plain line's code fields (line-split.ts), at their field numbers. */
  private readonly codeHashes = new Int32Array(COLUMNS);
  private readonly pending = new PendingLines();
  /**
   * Per department id, its basic-expenditure pair (project code empty), or -2 while not looked up: 60 % of lines
   * have no project code, and this saves them a lookup in the code table (a likely cache miss).
   */
  private basicPairs = new Int32Array(1024).fill(-2);
  /** Year of the ledger: given, or set by the first line with a valid date. */
  year: number | null;
  acceptedCount = 0;
  overflow = false;

  constructor(
    private readonly budgets: { codes: CodeTable },
    private readonly vouchers: VoucherSet,
    readonly aggregates: LedgerAggregates,
    year: number | null,
  ) {
    this.year = year;
  }

  /** Counts the accepted lines of another part of the file (its vouchers are in the shared set already). */
  addAccepted(accepted: number): void {
    this.acceptedCount += accepted;
  }

  private basicPair(departmentId: number): number {
    if (departmentId >= this.basicPairs.length) {
      const grown = new Int32Array(Math.max(departmentId + 1, this.basicPairs.length * 2)).fill(-2);
      grown.set(this.basicPairs);
      this.basicPairs = grown;
    }
    let pair = this.basicPairs[departmentId]!;
    if (pair === -2) {
      pair = this.budgets.codes.get(projectScope(departmentId), NO_BYTES, 0, 0);
      this.basicPairs[departmentId] = pair;
    }
    return pair;
  }

  /** The id of the code in field `field` (scope: department, a department's projects, economic), or -1. */
  private codeId(scope: number, bytes: Uint8Array, field: number, plain: boolean): number {
    const { starts, ends } = this;
    return plain
      ? this.budgets.codes.getKnown(scope, this.codeHashes[field]!, bytes, starts[field]!, ends[field]!)
      : this.budgets.codes.get(scope, bytes, starts[field]!, ends[field]!);
  }

  read(bytes: Uint8Array, start: number, end: number, line: number): LedgerRejectCode | null {
    const { starts, ends, codeHashes } = this;
    const plain = splitPlainLine(bytes, start, end, starts, ends, codeHashes);
    if (!plain) {
      if (splitLine(bytes, start, end, starts, ends) !== COLUMNS) return 'LEDGER_COLUMN_COUNT';
      if (!isVoucher(bytes, starts[0]!, ends[0]!)) return 'LEDGER_BAD_VOUCHER';
    }
    const date = parseDateBytes(bytes, starts[1]!, ends[1]!);
    if (date === -1) return 'LEDGER_BAD_DATE';
    const year = Math.floor(date / 1000);
    if (this.year !== null && year !== this.year) return 'LEDGER_DATE_OUT_OF_YEAR';
    const fen = parseYuanBytes(bytes, starts[5]!, ends[5]!);
    if (fen === null || Math.abs(fen) > MAX_LINE_FEN) return 'LEDGER_BAD_AMOUNT';
    const departmentId = this.codeId(DEPARTMENT_SCOPE, bytes, 2, plain);
    if (departmentId === -1) return 'LEDGER_UNKNOWN_DEPARTMENT';
    const pair =
      starts[3] === ends[3] ? this.basicPair(departmentId) : this.codeId(projectScope(departmentId), bytes, 3, plain);
    if (pair === -1) return 'LEDGER_UNKNOWN_PROJECT';
    const economic = this.codeId(ECONOMIC_SCOPE, bytes, 4, plain);
    if (economic === -1) return 'LEDGER_UNKNOWN_ECONOMIC_CODE';
    hashVoucher(bytes, starts[0]!, ends[0]!, this.hash);
    const day = date % 1000;
    const month = monthOf(year, day);
    if (this.year === null) {
      // The first line that counts sets the year every later line is checked against: it cannot wait in a batch.
      if (!this.vouchers.add(this.hash[0]!, this.hash[1]!)) return 'LEDGER_DUPLICATE_VOUCHER';
      this.year = year;
      this.count(pair, economic, month, departmentId, day, fen);
      return null;
    }
    this.hold(pair, economic, month, departmentId, day, fen, line, start, end);
    return null;
  }

  /** Whether the batch is full (the caller then flushes it). */
  get batchFull(): boolean {
    return this.pending.full;
  }

  // prettier-ignore
  private hold(
    pair: number, economic: number, month: number, department: number, day: number, fen: number,
    line: number, start: number, end: number,
  ): void {
    const p = this.pending;
    const at = p.count++;
    const key = this.aggregates.keyOf(pair, economic);
    p.highs[at] = this.hash[0]!;
    p.lows[at] = this.hash[1]!;
    p.keys[at] = key;
    p.months[at] = month;
    p.dayAts[at] = this.aggregates.dayAt(department, day);
    p.fens[at] = fen;
    p.lines[at] = line;
    p.starts[at] = start;
    p.ends[at] = end;
  }

  /**
   * Inserts the batch's vouchers and counts the lines that are new; the slots and sums they use are touched first,
   * all at once.
   */
  flush(onDuplicate: OnDuplicate): void {
    const p = this.pending;
    if (p.count === 0) return;
    this.vouchers.touch(p.highs, p.lows, p.count);
    // Where each line's month sum is: a load from the cell index per line, none depending on another, so their
    // misses are served side by side (found while the line was held, each stalled its line: 10 M rows, 2 December,
    // 4 alternated pairs, 4.17 → 4.04 s).
    for (let at = 0; at < p.count; at++) p.monthAts[at] = this.aggregates.monthAt(p.keys[at]!, p.months[at]!);
    this.aggregates.touch(p.monthAts, p.dayAts, p.count);
    for (let at = 0; at < p.count; at++) {
      if (!this.vouchers.add(p.highs[at]!, p.lows[at]!)) onDuplicate(p.lines[at]!, p.starts[at]!, p.ends[at]!);
      else {
        if (!this.aggregates.addAt(p.monthAts[at]!, p.keys[at]!, p.months[at]!, p.dayAts[at]!, p.fens[at]!))
          this.overflow = true;
        this.acceptedCount++;
      }
    }
    p.count = 0;
  }

  private count(pair: number, economic: number, month: number, department: number, day: number, fen: number): void {
    if (!this.aggregates.add(pair, economic, month, department, day, fen)) this.overflow = true;
    this.acceptedCount++;
  }
}

const NO_BYTES = new Uint8Array(0);

const MONTH_STARTS = [1, 32, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

function monthOf(year: number, day: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 1 : 0;
  let month = 12;
  while (month > 1 && day < MONTH_STARTS[month - 1]! + (month > 2 ? leap : 0)) month--;
  return month;
}
