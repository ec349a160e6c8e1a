/**
 * Lines that passed every check but the voucher's, held until a batch of them is inserted into the voucher set at
 * once (ledger-line.ts). Inserting one line at a time, the processor waits for each voucher slot's cache (and TLB)
 * miss in turn — the shared set's compare-and-swap is a full barrier, so nothing of the next line overlaps it; a
 * batch first touches all its slots with plain loads, whose misses the processor serves side by side, and then
 * inserts into slots already in the cache. What the sums need of a line is kept with it, and where the line is in
 * the chunk, to reject it as a duplicate in line order.
 */
export class PendingLines {
  /** Lines a batch holds: its slots (one cache line each) stay in the caches until it is inserted. */
  static readonly BATCH = 128;
  readonly highs = new Uint32Array(PendingLines.BATCH);
  readonly lows = new Uint32Array(PendingLines.BATCH);
  /** The sums' key, and where the line's sums are (ledger-aggregates.ts: keyOf, monthAt, dayAt). */
  readonly keys = new Float64Array(PendingLines.BATCH);
  readonly months = new Int32Array(PendingLines.BATCH);
  readonly monthAts = new Int32Array(PendingLines.BATCH);
  readonly dayAts = new Int32Array(PendingLines.BATCH);
  readonly fens = new Float64Array(PendingLines.BATCH);
  /** The line's number and its bytes in the chunk, for its reject. */
  readonly lines = new Float64Array(PendingLines.BATCH);
  readonly starts = new Int32Array(PendingLines.BATCH);
  readonly ends = new Int32Array(PendingLines.BATCH);
  count = 0;

  get full(): boolean {
    return this.count === PendingLines.BATCH;
  }
}
