import type { Fen } from '../../domain/money/index.js';
import type { LedgerCell, LedgerDay } from '../../domain/ledger/ledger-records.js';
import type { BudgetIndex } from './budget-index.js';
import { CellIndex } from './cell-index.js';

export type { LedgerCell, LedgerDay };

/** What the sums need of the budgets: how many departments and economic codes, and the codes behind the ids. */
export type AggregateShape = Pick<BudgetIndex, 'departmentCodes' | 'economicCodes' | 'pairs'> &
  Partial<Pick<BudgetIndex, 'lineCount'>>;

/**
 * The sums as plain typed arrays, to send from a worker thread (transferable) and merge. `sums` holds, per cell and
 * month, the sum and then the count of payments side by side; `daily` the same per department and day.
 */
export type AggregateState = {
  cellKeys: Float64Array;
  cellCount: number;
  sums: Float64Array;
  daily: Float64Array;
  /** Σ|amount| of the lines added: bounds every running sum a line-by-line reading of them could reach. */
  absoluteTotal: number;
};

/** Days a department's sums hold (index 1–366). */
const DAYS = 367;

/**
 * The running sums of an import, in typed arrays keyed by small integer ids: a cell is (department–project pair,
 * economic code) with 12 monthly sums (cell-index.ts finds it); days are per department. A sum and its count of
 * payments are neighbours in one array, so adding a payment touches two cache lines, not four. Memory depends on
 * the number of distinct keys, never on the number of lines. Sums are integer fen held in doubles, exact below 2⁵³
 * fen (≈ 90 万亿元); `add` refuses a sum past that.
 */
export class LedgerAggregates {
  private readonly index: CellIndex;
  /** Per cell and month: sum, count. */
  private sums: Float64Array;
  /** Per department and day: sum, count. */
  private readonly daily: Float64Array;
  private readonly economicCount: number;
  private absoluteTotal = 0;
  /** What `touch` loaded, kept so that the loads are not dropped as unused. */
  private touched = 0;

  constructor(readonly budgets: AggregateShape) {
    this.economicCount = Math.max(budgets.economicCodes.length, 1);
    const keyCount = budgets.pairs.length * this.economicCount;
    // Sized once for about the budget's cells (a ledger's lines mostly use them): growing copies them.
    this.index = new CellIndex(keyCount, Math.min(keyCount, (budgets.lineCount ?? 0) + 1024));
    this.sums = new Float64Array(this.index.cellKeys.length * 24);
    this.daily = new Float64Array(budgets.departmentCodes.length * DAYS * 2);
  }

  /** Adds one payment; false when a sum would leave the exact range (the import is then refused). */
  add(pair: number, economic: number, month: number, departmentId: number, day: number, fen: number): boolean {
    const cell = this.index.cellOf(pair * this.economicCount + economic);
    if (cell * 24 >= this.sums.length) this.growSums();
    const at = (cell * 12 + month - 1) * 2;
    const sum = this.sums[at]! + fen;
    const dayAt = (departmentId * DAYS + day) * 2;
    const daySum = this.daily[dayAt]! + fen;
    if (Math.abs(sum) > Number.MAX_SAFE_INTEGER || Math.abs(daySum) > Number.MAX_SAFE_INTEGER) return false;
    this.sums[at] = sum;
    this.sums[at + 1]!++;
    this.daily[dayAt] = daySum;
    this.daily[dayAt + 1]!++;
    this.absoluteTotal += fen < 0 ? -fen : fen;
    return true;
  }

  /**
   * Loads what `add` will for one payment, without changing anything: the cell, its month's sum and count, the
   * day's. Called for a batch of lines before they are added (pending-lines.ts), so that their cache and TLB misses
   * are served side by side rather than one line after the other.
   */
  touch(pair: number, economic: number, month: number, departmentId: number, day: number): void {
    let touched = this.daily[(departmentId * DAYS + day) * 2]!;
    const cell = this.index.find(pair * this.economicCount + economic);
    if (cell !== -1) touched += this.sums[(cell * 12 + month - 1) * 2]!;
    this.touched += touched;
  }

  private growSums(): void {
    const next = new Float64Array(this.index.cellKeys.length * 24);
    next.set(this.sums);
    this.sums = next;
  }

  state(): AggregateState {
    const { sums, daily, absoluteTotal } = this;
    const { cellKeys, cellCount } = this.index;
    return { cellKeys, cellCount, sums, daily, absoluteTotal };
  }

  /**
   * Whether reading `other`'s lines one by one after this reader's could never pass the exact range, so merging
   * its sums gives exactly what one reader would: no running sum can exceed the largest sum here plus Σ|amount| of
   * its lines. When it could, the caller reads that part itself and refuses at the very line one reader would.
   */
  canMergeExactly(other: AggregateState): boolean {
    let largest = 0;
    for (let at = 0; at < this.index.cellCount * 24; at += 2) largest = Math.max(largest, Math.abs(this.sums[at]!));
    for (let at = 0; at < this.daily.length; at += 2) largest = Math.max(largest, Math.abs(this.daily[at]!));
    return largest + other.absoluteTotal <= Number.MAX_SAFE_INTEGER;
  }

  /** Adds another reader's sums (a worker's part of the file); false when a sum would leave the exact range. */
  merge(other: AggregateState): boolean {
    this.absoluteTotal += other.absoluteTotal;
    for (let cell = 0; cell < other.cellCount; cell++) {
      const into = this.index.cellOf(other.cellKeys[cell]!);
      if (into * 24 >= this.sums.length) this.growSums();
      if (!addInto(this.sums, into * 24, other.sums, cell * 24, 24)) return false;
    }
    return addInto(this.daily, 0, other.daily, 0, this.daily.length);
  }

  /** Every non-empty (cell, month) with its codes. */
  *cells(): Generator<LedgerCell> {
    const { budgets } = this;
    const { cellKeys, cellCount } = this.index;
    for (let cell = 0; cell < cellCount; cell++) {
      const key = cellKeys[cell]!;
      const pair = budgets.pairs[Math.floor(key / this.economicCount)]!;
      const economicCode = budgets.economicCodes[key % this.economicCount]!;
      for (let month = 1; month <= 12; month++) {
        const at = (cell * 12 + month - 1) * 2;
        const payments = this.sums[at + 1]!;
        if (payments === 0) continue;
        yield {
          departmentCode: budgets.departmentCodes[pair.departmentId]!,
          projectCode: pair.projectCode,
          economicCode,
          month,
          amount: BigInt(this.sums[at]!) as Fen,
          payments,
        };
      }
    }
  }

  /** Every department's non-empty days. */
  *days(): Generator<LedgerDay> {
    for (let at = 0; at < this.daily.length / 2; at++) {
      const payments = this.daily[at * 2 + 1]!;
      if (payments === 0) continue;
      const departmentCode = this.budgets.departmentCodes[Math.floor(at / DAYS)]!;
      yield { departmentCode, day: at % DAYS, amount: BigInt(this.daily[at * 2]!) as Fen, payments };
    }
  }

  /** The exact total of every sum (bigint, so no range limit applies to it). */
  total(): Fen {
    // Added as doubles while both terms stay below 2⁵² (so the sum is exact), into a bigint only past that: one
    // bigint per cell and month made this a quarter of a second at 1 M lines.
    const LIMIT = 2 ** 52;
    let total = 0n;
    let running = 0;
    for (let at = 0; at < this.index.cellCount * 24; at += 2) {
      const sum = this.sums[at]!;
      if (Math.abs(running) < LIMIT && Math.abs(sum) < LIMIT) running += sum;
      else {
        total += BigInt(running) + BigInt(sum);
        running = 0;
      }
    }
    return (total + BigInt(running)) as Fen;
  }

  get cellCountUsed(): number {
    return this.index.cellCount;
  }
}

/**
 * Adds `length` words of pairs (sum, count) from `from` at `fromAt` into `into` at `intoAt`; false when a sum would
 * leave the exact range.
 */
function addInto(into: Float64Array, intoAt: number, from: Float64Array, fromAt: number, length: number): boolean {
  for (let i = 0; i < length; i += 2) {
    if (from[fromAt + i + 1] === 0) continue;
    const sum = into[intoAt + i]! + from[fromAt + i]!;
    if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) return false;
    into[intoAt + i] = sum;
    into[intoAt + i + 1]! += from[fromAt + i + 1]!;
  }
  return true;
}
