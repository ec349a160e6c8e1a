import type { LedgerAggregates } from './ledger-aggregates.js';
import type { LedgerLineReader } from './ledger-line.js';
import type { PartReject, RangeResult } from './ledger-part.js';
import { newScanState, scanRange, type Encoding, type ScanHooks } from './ledger-scan.js';

/** How a range is read apart from the main thread's part: its end, encoding so far, limits and chunk hook. */
export type CountedRange = {
  fd: number;
  from: number;
  to: number;
  encoding: Encoding;
  maxRejects: number;
  chunkBytes?: number | undefined;
  /** After each chunk (the shared set's room, a stop, a hand-over: read-parallel.ts). */
  onChunk: NonNullable<ScanHooks['onChunk']>;
};

/**
 * Reads a range of the file other than the main thread's part — the worker's part, the tail (ledger-worker.ts),
 * the end of the worker's part (worker-end.ts) — into `reader`, whose sums are `aggregates`, its own: its counts,
 * rejects (copied, line numbers from the range's first line) and sums, or null when it cannot be merged as read
 * (a stop in the scan, more rejects than `maxRejects`, a sum past the exact range, an encoding other than given).
 */
export async function readCountedRange(
  range: CountedRange,
  reader: LedgerLineReader,
  aggregates: LedgerAggregates,
): Promise<RangeResult | null> {
  const state = newScanState(range.encoding);
  const rejects: PartReject[] = [];
  let tooMany = false;
  const hooks: ScanHooks = {
    onReject: (line, code, bytes) => {
      if (rejects.length >= range.maxRejects) tooMany = true;
      else rejects.push({ line, code, bytes: new Uint8Array(bytes) });
    },
    onChunk: range.onChunk,
  };
  const stop = await scanRange(range.fd, range.from, range.to, reader, state, hooks, range.chunkBytes);
  const changed = state.encoding !== range.encoding && range.encoding !== 'undecided';
  if (stop !== null || tooMany || reader.overflow || changed) return null;
  const { encoding, lineNo, linesRead, rejected, rejectedByCode } = state;
  const accepted = reader.acceptedCount;
  return { encoding, lineNo, linesRead, rejected, rejectedByCode, rejects, accepted, aggregates: aggregates.state() };
}
