import type { Fen } from '../../domain/money/index.js';
import type { LedgerCell, LedgerDay } from '../../domain/ledger/ledger-records.js';
import type { BudgetIndex } from './budget-index.js';

export type { LedgerCell, LedgerDay };

/** Up to this many keys (16 MB of cell numbers) are indexed directly; a province has about 12,000 pairs × 30 codes. */
const DIRECT_KEYS = 1 << 22;

/** What the sums need of the budgets: how many departments and economic codes, and the codes behind the ids. */
export type AggregateShape = Pick<BudgetIndex, 'departmentCodes' | 'economicCodes' | 'pairs'>;

/** The sums as plain typed arrays, to send from a worker thread (transferable) and merge. */
export type AggregateState = {
  cellKeys: Float64Array;
  cellCount: number;
  sums: Float64Array;
  counts: Uint32Array;
  daily: Float64Array;
  dailyCounts: Uint32Array;
  /** Σ|amount| of the lines added: bounds every running sum a line-by-line reading of them could reach. */
  absoluteTotal: number;
};

/**
 * The running sums of an import, in typed arrays keyed by small integer ids: a cell is (department–project pair,
 * economic code) with 12 monthly sums, found through an open-addressing table; days are per department. Memory
 * depends on the number of distinct keys, never on the number of lines. Sums are integer fen held in doubles,
 * exact below 2⁵³ fen (≈ 90 万亿元); `add` refuses a sum past that.
 */
export class LedgerAggregates {
  private keys: Float64Array;
  private slotCell: Int32Array;
  /**
   * Cell per key (-1: none yet) when there are few enough keys (departments' pairs × economic codes) to index them
   * directly: one load instead of hashing and probing `keys` and then `slotCell` (two cache misses a line).
   */
  private readonly direct: Int32Array | null;
  private mask: number;
  private cellKeys: Float64Array;
  private cellCount = 0;
  private sums: Float64Array;
  private counts: Uint32Array;
  private readonly daily: Float64Array;
  private readonly dailyCounts: Uint32Array;
  private readonly economicCount: number;
  private absoluteTotal = 0;
  /** What `touch` loaded, kept so that the loads are not dropped as unused. */
  private touched = 0;

  constructor(readonly budgets: AggregateShape) {
    this.economicCount = Math.max(budgets.economicCodes.length, 1);
    const keyCount = budgets.pairs.length * this.economicCount;
    this.direct = keyCount <= DIRECT_KEYS ? new Int32Array(keyCount).fill(-1) : null;
    const capacity = 1 << 12;
    this.keys = new Float64Array(capacity).fill(-1);
    this.slotCell = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.cellKeys = new Float64Array(capacity);
    this.sums = new Float64Array(capacity * 12);
    this.counts = new Uint32Array(capacity * 12);
    this.daily = new Float64Array(budgets.departmentCodes.length * 367);
    this.dailyCounts = new Uint32Array(budgets.departmentCodes.length * 367);
  }

  /** Adds one payment; false when a sum would leave the exact range (the import is then refused). */
  add(pair: number, economic: number, month: number, departmentId: number, day: number, fen: number): boolean {
    const cell = this.cellOf(pair * this.economicCount + economic);
    const at = cell * 12 + month - 1;
    const sum = this.sums[at]! + fen;
    const dayAt = departmentId * 367 + day;
    const daySum = this.daily[dayAt]! + fen;
    if (Math.abs(sum) > Number.MAX_SAFE_INTEGER || Math.abs(daySum) > Number.MAX_SAFE_INTEGER) return false;
    this.sums[at] = sum;
    this.counts[at]!++;
    this.daily[dayAt] = daySum;
    this.dailyCounts[dayAt]!++;
    this.absoluteTotal += fen < 0 ? -fen : fen;
    return true;
  }

  /**
   * Loads what `add` will for one payment, without changing anything: the cell's slot, its month's sum and count,
   * the day's. Called for a batch of lines before they are added (pending-lines.ts), so that their cache and TLB
   * misses are served side by side rather than one line after the other.
   */
  touch(pair: number, economic: number, month: number, departmentId: number, day: number): void {
    const key = pair * this.economicCount + economic;
    const dayAt = departmentId * 367 + day;
    let touched = this.daily[dayAt]! + this.dailyCounts[dayAt]!;
    if (this.direct !== null) {
      const cell = this.direct[key]!;
      if (cell !== -1) touched += this.sums[cell * 12 + month - 1]! + this.counts[cell * 12 + month - 1]!;
      this.touched += touched;
      return;
    }
    let slot = this.homeSlot(key);
    let found = this.keys[slot]!;
    while (found !== key && found !== -1) {
      slot = (slot + 1) & this.mask;
      found = this.keys[slot]!;
    }
    if (found === key) {
      const at = this.slotCell[slot]! * 12 + month - 1;
      touched += this.sums[at]! + this.counts[at]!;
    }
    this.touched += touched;
  }

  private cellOf(key: number): number {
    if (this.direct !== null) {
      const cell = this.direct[key]!;
      return cell !== -1 ? cell : (this.direct[key] = this.newCell(key));
    }
    let slot = this.homeSlot(key);
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.slotCell[slot]!;
      if (found === -1) break;
      slot = (slot + 1) & this.mask;
    }
    const cell = this.newCell(key);
    this.keys[slot] = key;
    this.slotCell[slot] = cell;
    if (this.cellCount > (this.mask + 1) * 0.6) this.rehash();
    return cell;
  }

  /** Where a key's probe starts: both halves of the key (it can pass 2³²) mixed, masked to the table. */
  private homeSlot(key: number): number {
    return (Math.imul(key | 0, 0x9e3779b1) ^ ((key / 4294967296) | 0)) & this.mask;
  }

  private newCell(key: number): number {
    const cell = this.cellCount++;
    if (cell >= this.cellKeys.length) this.growCells();
    this.cellKeys[cell] = key;
    return cell;
  }

  private growCells(): void {
    const grow = <T extends Float64Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    this.cellKeys = grow(this.cellKeys, (n) => new Float64Array(n));
    this.sums = grow(this.sums, (n) => new Float64Array(n));
    this.counts = grow(this.counts, (n) => new Uint32Array(n));
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.slotCell = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let cell = 0; cell < this.cellCount; cell++) {
      const key = this.cellKeys[cell]!;
      let slot = this.homeSlot(key);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.slotCell[slot] = cell;
    }
  }

  state(): AggregateState {
    const { cellKeys, cellCount, sums, counts, daily, dailyCounts, absoluteTotal } = this;
    return { cellKeys, cellCount, sums, counts, daily, dailyCounts, absoluteTotal };
  }

  /**
   * Whether reading `other`'s lines one by one after this reader's could never pass the exact range, so merging
   * its sums gives exactly what one reader would: no running sum can exceed the largest sum here plus Σ|amount| of
   * its lines. When it could, the caller reads that part itself and refuses at the very line one reader would.
   */
  canMergeExactly(other: AggregateState): boolean {
    let largest = 0;
    for (let at = 0; at < this.cellCount * 12; at++) largest = Math.max(largest, Math.abs(this.sums[at]!));
    for (let at = 0; at < this.daily.length; at++) largest = Math.max(largest, Math.abs(this.daily[at]!));
    return largest + other.absoluteTotal <= Number.MAX_SAFE_INTEGER;
  }

  /** Adds another reader's sums (a worker's part of the file); false when a sum would leave the exact range. */
  merge(other: AggregateState): boolean {
    this.absoluteTotal += other.absoluteTotal;
    for (let cell = 0; cell < other.cellCount; cell++) {
      const at = this.cellOf(other.cellKeys[cell]!) * 12;
      for (let month = 0; month < 12; month++) {
        const sum = this.sums[at + month]! + other.sums[cell * 12 + month]!;
        if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) return false;
        this.sums[at + month] = sum;
        this.counts[at + month]! += other.counts[cell * 12 + month]!;
      }
    }
    for (let at = 0; at < this.daily.length; at++) {
      if (other.dailyCounts[at] === 0) continue;
      const sum = this.daily[at]! + other.daily[at]!;
      if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) return false;
      this.daily[at] = sum;
      this.dailyCounts[at]! += other.dailyCounts[at]!;
    }
    return true;
  }

  /** Every non-empty (cell, month) with its codes. */
  *cells(): Generator<LedgerCell> {
    const { budgets } = this;
    for (let cell = 0; cell < this.cellCount; cell++) {
      const key = this.cellKeys[cell]!;
      const pair = budgets.pairs[Math.floor(key / this.economicCount)]!;
      const economicCode = budgets.economicCodes[key % this.economicCount]!;
      for (let month = 1; month <= 12; month++) {
        const payments = this.counts[cell * 12 + month - 1]!;
        if (payments === 0) continue;
        yield {
          departmentCode: budgets.departmentCodes[pair.departmentId]!,
          projectCode: pair.projectCode,
          economicCode,
          month,
          amount: BigInt(this.sums[cell * 12 + month - 1]!) as Fen,
          payments,
        };
      }
    }
  }

  /** Every department's non-empty days. */
  *days(): Generator<LedgerDay> {
    for (let at = 0; at < this.daily.length; at++) {
      const payments = this.dailyCounts[at]!;
      if (payments === 0) continue;
      const departmentCode = this.budgets.departmentCodes[Math.floor(at / 367)]!;
      yield { departmentCode, day: at % 367, amount: BigInt(this.daily[at]!) as Fen, payments };
    }
  }

  /** The exact total of every sum (bigint, so no range limit applies to it). */
  total(): Fen {
    // Added as doubles while both terms stay below 2⁵² (so the sum is exact), into a bigint only past that: one
    // bigint per cell and month made this a quarter of a second at 1 M lines.
    const LIMIT = 2 ** 52;
    let total = 0n;
    let running = 0;
    for (let at = 0; at < this.cellCount * 12; at++) {
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
    return this.cellCount;
  }
}
