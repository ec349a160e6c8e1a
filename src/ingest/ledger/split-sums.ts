/**
 * Sums of integer fen with their counts in 8 bytes an entry instead of 16 (ledger-aggregates.ts): the low part of a
 * sum and its count side by side in an Int32Array (one cache line for both), the rest of the sum in a Float64Array
 * that is written only when the low part would leave the int32 range — a sum past about 21 million 元, or a single
 * payment of 10 million 元 or more. Untouched, that array costs no memory: on this virtual machine a fresh page costs
 * 6–18 ms a megabyte on first touch, and the sums were the largest memory each thread touched (17 MB at 1,000
 * departments, now 8.5 MB).
 *
 * An entry's sum is high + low. It is exact: while high is at most NEAR (below), |high + low| < 2⁵³; a sum that
 * passes NEAR moves whole into high (low 0) and from then on every payment goes to high, checked one by one.
 */
export type SplitTable = {
  /** Per entry: the low part of its sum (int32), then its count. */
  low: Int32Array;
  /** Per entry: the rest of its sum (integer fen in a double); 0 until the low part spills. */
  high: Float64Array;
};

/** The largest |high| below which high + low is always exact (low is an int32). */
export const NEAR = Number.MAX_SAFE_INTEGER - 2 ** 31;

export const newTable = (entries: number): SplitTable => ({
  low: new Int32Array(entries * 2),
  high: new Float64Array(entries),
});

/** A table of `entries` with `from`'s first entries copied (growing). */
export function grownTable(from: SplitTable, entries: number): SplitTable {
  const table = newTable(entries);
  table.low.set(from.low);
  table.high.set(from.high);
  return table;
}

/** An entry's exact sum; `spilled`: whether any high part was ever written (else they are all 0, and unread). */
export const sumOf = (table: SplitTable, entry: number, spilled: boolean): number =>
  spilled ? table.high[entry]! + table.low[entry * 2]! : table.low[entry * 2]!;

/** The largest |sum| of the first `entries`. */
export function largestSum(table: SplitTable, entries: number, spilled: boolean): number {
  let largest = 0;
  for (let entry = 0; entry < entries; entry++) largest = Math.max(largest, Math.abs(sumOf(table, entry, spilled)));
  return largest;
}

/** What adding into a table gave: 1 when some high part was written, 2 when one passed NEAR, -1 past the range. */
export type AddOutcome = 0 | 1 | 2 | -1;

/**
 * Adds a payment to a cell's and a day's sums by moving each whole into its high part: checked against the exact
 * range before either is stored, as a sum in one double was. For a payment that spills a low part, and for every
 * payment once a sum passed NEAR.
 */
// prettier-ignore
export function addSpilling(
  cells: SplitTable, at: number, days: SplitTable, dayAt: number, fen: number,
): AddOutcome {
  const sum = cells.high[at]! + cells.low[at * 2]! + fen;
  const daySum = days.high[dayAt]! + days.low[dayAt * 2]! + fen;
  if (Math.abs(sum) > Number.MAX_SAFE_INTEGER || Math.abs(daySum) > Number.MAX_SAFE_INTEGER) return -1;
  cells.high[at] = sum;
  cells.low[at * 2] = 0;
  cells.low[at * 2 + 1]!++;
  days.high[dayAt] = daySum;
  days.low[dayAt * 2] = 0;
  days.low[dayAt * 2 + 1]!++;
  return Math.abs(sum) > NEAR || Math.abs(daySum) > NEAR ? 2 : 1;
}

/**
 * Adds `count` entries of `from` (from `fromEntry`) into `into` (from `intoEntry`): sums and counts. -1 when a sum
 * would leave the exact range (nothing of that entry is then added).
 */
// prettier-ignore
export function addTable(
  into: SplitTable, intoEntry: number, intoSpilled: boolean,
  from: SplitTable, fromEntry: number, fromSpilled: boolean, count: number,
): AddOutcome {
  let outcome: AddOutcome = 0;
  for (let i = 0; i < count; i++) {
    const source = fromEntry + i;
    const payments = from.low[source * 2 + 1]!;
    if (payments === 0) continue;
    const target = intoEntry + i;
    const low = into.low[target * 2]! + from.low[source * 2]!;
    const high = (intoSpilled ? into.high[target]! : 0) + (fromSpilled ? from.high[source]! : 0);
    if (high === 0 && low === (low | 0)) into.low[target * 2] = low;
    else {
      const sum = high + low;
      if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) return -1;
      into.high[target] = sum;
      into.low[target * 2] = 0;
      outcome = Math.max(outcome, Math.abs(sum) > NEAR ? 2 : 1) as AddOutcome;
    }
    into.low[target * 2 + 1]! += payments;
  }
  return outcome;
}

/** The exact total of the first `entries` sums. */
export function exactTotal(table: SplitTable, entries: number, spilled: boolean): bigint {
  // Added as doubles while both terms stay below 2⁵² (so the sum is exact), into a bigint only past that: one
  // bigint per cell and month made this a quarter of a second at 1 M lines.
  const LIMIT = 2 ** 52;
  let total = 0n;
  let running = 0;
  for (let entry = 0; entry < entries; entry++) {
    const sum = sumOf(table, entry, spilled);
    if (Math.abs(running) < LIMIT && Math.abs(sum) < LIMIT) running += sum;
    else {
      total += BigInt(running) + BigInt(sum);
      running = 0;
    }
  }
  return total + BigInt(running);
}
