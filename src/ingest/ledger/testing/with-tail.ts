import type { LedgerReadOptions } from '../read-ledger.js';

/**
 * Tests: read options under which the worker takes the end of the main thread's part (read-parallel.ts): its own
 * part small, the main thread's chunks small and slowed (a sleep of 3 ms each, about 1 s for a 4,000-line file),
 * long enough for the worker to start, read its part and ask, even at load 10.
 */
export const WITH_TAIL: Partial<LedgerReadOptions> = {
  mainShare: 0.85,
  minTailBytes: 1,
  chunkBytes: 1 << 10,
  onProgress: () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3),
};
