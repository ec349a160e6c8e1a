import type { Fen } from '../../domain/money/index.js';
import type { LedgerCell, LedgerDay } from '../../domain/ledger/ledger-records.js';
import type { BudgetIndex } from './budget-index.js';
import { cellRecords, DAYS, dayRecords } from './aggregate-records.js';
import { CellIndex } from './cell-index.js';
import {
  addSpilling,
  addTable,
  exactTotal,
  grownTable,
  largestSum,
  newTable,
  type AddOutcome,
  type SplitTable,
} from './split-sums.js';

export type { LedgerCell, LedgerDay };

/** What the sums need of the budgets: how many departments and economic codes, and the codes behind the ids. */
export type AggregateShape = Pick<BudgetIndex, 'departmentCodes' | 'economicCodes' | 'pairs'> &
  Partial<Pick<BudgetIndex, 'lineCount'>>;

/**
 * The sums as plain typed arrays, to send from a worker thread (transferable) and merge: per cell and month
 * (`cellSums`), and per department and day (`daySums`), each sum and its count (split-sums.ts).
 */
export type AggregateState = {
  cellKeys: Float64Array;
  cellCount: number;
  cellSums: SplitTable;
  daySums: SplitTable;
  /** Whether any sum's high part was written (else they are all 0). */
  spilled: boolean;
  /** Σ|amount| of the lines added: bounds every running sum a line-by-line reading of them could reach. */
  absoluteTotal: number;
};

/**
 * The running sums of an import, in typed arrays keyed by small integer ids: a cell is (department–project pair,
 * economic code) with 12 monthly sums (cell-index.ts finds it); days are per department. A sum and its count of
 * payments share 8 bytes (split-sums.ts), so adding a payment touches two cache lines and half the memory of a sum
 * in a double. Memory depends on the number of distinct keys, never on the number of lines. Sums are integer fen,
 * exact below 2⁵³ fen (≈ 90 万亿元); `add` refuses a sum past that.
 */
export class LedgerAggregates {
  private readonly index: CellIndex;
  /** Per cell and month (entry cell × 12 + month − 1). */
  private cellSums: SplitTable;
  /** Per department and day (entry department × DAYS + day). */
  private readonly daySums: SplitTable;
  private readonly economicCount: number;
  private absoluteTotal = 0;
  /** Whether any high part was written (until then they are not read). */
  private spilled = false;
  /** Whether some sum passed NEAR: every payment then goes through `addExactly`. */
  private near = false;
  /** What `touch` loaded, kept so that the loads are not dropped as unused. */
  private touched = 0;

  constructor(readonly budgets: AggregateShape) {
    this.economicCount = Math.max(budgets.economicCodes.length, 1);
    const keyCount = budgets.pairs.length * this.economicCount;
    // Sized once for about the budget's cells (a ledger's lines mostly use them): growing copies them.
    this.index = new CellIndex(keyCount, Math.min(keyCount, (budgets.lineCount ?? 0) + 1024));
    this.cellSums = newTable(this.index.cellKeys.length * 12);
    this.daySums = newTable(budgets.departmentCodes.length * DAYS);
  }

  /** Adds one payment; false when a sum would leave the exact range (the import is then refused). */
  add(pair: number, economic: number, month: number, departmentId: number, day: number, fen: number): boolean {
    return this.addAt(-1, this.keyOf(pair, economic), month, this.dayAt(departmentId, day), fen);
  }

  /** The key of a cell: a department–project pair and an economic code. */
  keyOf(pair: number, economic: number): number {
    return pair * this.economicCount + economic;
  }

  /** Where a department's day is in the day sums. */
  dayAt(departmentId: number, day: number): number {
    return departmentId * DAYS + day;
  }

  /** Where a key's month is in the cell sums, or -1 while the key has no cell. */
  monthAt(key: number, month: number): number {
    const cell = this.index.find(key);
    return cell === -1 ? -1 : cell * 12 + month - 1;
  }

  /** `add` from where its sums are (`monthAt`, or -1 to find or make the key's cell here, and `dayAt`). */
  addAt(at: number, key: number, month: number, dayAt: number, fen: number): boolean {
    if (at === -1) {
      const cell = this.index.cellOf(key);
      if (cell * 12 >= this.cellSums.high.length) this.growCells();
      at = cell * 12 + month - 1;
    }
    const low = this.cellSums.low[at * 2]! + fen;
    const dayLow = this.daySums.low[dayAt * 2]! + fen;
    // Both low parts stay int32 (nearly every payment): high + low stays exact, nothing to check.
    if (this.near || low !== (low | 0) || dayLow !== (dayLow | 0)) return this.addExactly(at, dayAt, fen);
    this.cellSums.low[at * 2] = low;
    this.cellSums.low[at * 2 + 1]!++;
    this.daySums.low[dayAt * 2] = dayLow;
    this.daySums.low[dayAt * 2 + 1]!++;
    this.absoluteTotal += fen < 0 ? -fen : fen;
    return true;
  }

  /** A payment that spills a low part (or any payment once a sum passed NEAR): split-sums.ts checks it. */
  private addExactly(at: number, dayAt: number, fen: number): boolean {
    if (!this.noted(addSpilling(this.cellSums, at, this.daySums, dayAt, fen))) return false;
    this.absoluteTotal += fen < 0 ? -fen : fen;
    return true;
  }

  /**
   * Loads the sums that `addAt` will for `count` payments (`monthAt`, `dayAt`), without changing anything: called
   * for a batch of lines before they are added (pending-lines.ts). Their places are known, so the loads do not
   * depend on each other and the processor serves their cache and TLB misses side by side.
   */
  touch(monthAts: Int32Array, dayAts: Int32Array, count: number): void {
    const cells = this.cellSums.low;
    const days = this.daySums.low;
    let touched = 0;
    for (let at = 0; at < count; at++) {
      const monthAt = monthAts[at]!;
      touched += days[dayAts[at]! * 2]! + (monthAt === -1 ? 0 : cells[monthAt * 2]!);
    }
    this.touched += touched;
  }

  private growCells(): void {
    this.cellSums = grownTable(this.cellSums, this.index.cellKeys.length * 12);
  }

  state(): AggregateState {
    const { cellSums, daySums, spilled, absoluteTotal } = this;
    const { cellKeys, cellCount } = this.index;
    return { cellKeys, cellCount, cellSums, daySums, spilled, absoluteTotal };
  }

  /**
   * Whether reading `others`' lines one by one after this reader's could never pass the exact range, so merging
   * their sums gives exactly what one reader would: no running sum can exceed the largest sum here plus Σ|amount| of
   * their lines. When it could, the caller reads that part itself and refuses at the very line one reader would.
   */
  canMergeExactly(...others: AggregateState[]): boolean {
    const largest = Math.max(
      largestSum(this.cellSums, this.index.cellCount * 12, this.spilled),
      largestSum(this.daySums, this.daySums.high.length, this.spilled),
    );
    return others.reduce((bound, other) => bound + other.absoluteTotal, largest) <= Number.MAX_SAFE_INTEGER;
  }

  /** Adds another reader's sums (a worker's part of the file); false when a sum would leave the exact range. */
  merge(other: AggregateState): boolean {
    this.absoluteTotal += other.absoluteTotal;
    for (let cell = 0; cell < other.cellCount; cell++) {
      const into = this.index.cellOf(other.cellKeys[cell]!);
      if (into * 12 >= this.cellSums.high.length) this.growCells();
      if (!this.noted(addTable(this.cellSums, into * 12, this.spilled, other.cellSums, cell * 12, other.spilled, 12)))
        return false;
    }
    const days = this.daySums.high.length;
    return this.noted(addTable(this.daySums, 0, this.spilled, other.daySums, 0, other.spilled, days));
  }

  /** Notes what an addition that may spill gave (split-sums.ts); false past the exact range. */
  private noted(outcome: AddOutcome): boolean {
    if (outcome === -1) return false;
    if (outcome > 0) this.spilled = true;
    if (outcome === 2) this.near = true;
    return true;
  }

  /** Every non-empty (cell, month) with its codes. */
  cells(): Generator<LedgerCell> {
    const { cellKeys, cellCount } = this.index;
    const sums = { cellKeys, cellCount, cellSums: this.cellSums, spilled: this.spilled };
    return cellRecords(sums, this.budgets, this.economicCount);
  }

  /** Every department's non-empty days. */
  days(): Generator<LedgerDay> {
    return dayRecords(this.daySums, this.spilled, this.budgets);
  }

  /** The exact total of every sum (bigint, so no range limit applies to it). */
  total(): Fen {
    return exactTotal(this.cellSums, this.index.cellCount * 12, this.spilled) as Fen;
  }

  get cellCountUsed(): number {
    return this.index.cellCount;
  }
}
