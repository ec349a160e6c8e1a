import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LedgerAggregates } from './ledger-aggregates.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { LedgerLineReader } from './ledger-line.js';
import type { PartResult, PartTask } from './ledger-part.js';
import { lineBoundaryAfter, readRange, type Encoding, type ScanState } from './ledger-scan.js';
import type { BudgetIndex } from './read-budgets.js';
import { VoucherSet } from './voucher-set.js';

/** Compiled (dist/, or a bundle in .mjs), the worker is ledger-worker.js next to this; from the sources, via tsx. */
const WORKER = new URL(
  import.meta.url.endsWith('.ts')
    ? './ledger-worker-bootstrap.js'
    : `./ledger-worker${import.meta.url.endsWith('.mjs') ? '.mjs' : '.js'}`,
  import.meta.url,
);

/**
 * The main thread also computes the SHA-256 of the whole file, so it parses a little less than half (measured:
 * hashing is about a tenth of parsing).
 */
const MAIN_SHARE = 0.46;
const MAX_PART_REJECTS = 10_000;

/**
 * The second half of a large ledger, read by a worker thread while the main thread reads the first half.
 *
 * Same result as one thread, by construction: the worker checks its lines exactly as the main thread does, but
 * counts vouchers only against its own part. When its part is done, the main thread (which has read the first
 * half against the year's stored vouchers) merges the worker's voucher set only if no voucher of it was counted
 * already — then every voucher the worker accepted is one the single-threaded reader would have accepted, since
 * the first occurrence in file order wins either way. Otherwise (a voucher in both halves or in an earlier import,
 * an encoding question, too many rejected lines to hold) the worker's work is dropped and the main thread reads
 * the second half itself, continuing from where it stands: exactly the single-threaded reading.
 */
export class ParallelPart {
  readonly split: number;
  private worker: Worker | null = null;
  private result: Promise<PartResult> | null = null;
  private startedWith: Encoding = 'undecided';

  constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly totalBytes: number,
    private readonly options: {
      budgets: BudgetIndex;
      threads?: number;
      parallelMinBytes?: number;
    },
    private readonly expectedLines: number,
  ) {
    const threads = options.threads ?? Math.min(2, availableParallelism());
    const parallel = threads > 1 && totalBytes >= (options.parallelMinBytes ?? 1 << 24);
    this.split = parallel ? lineBoundaryAfter(fd, Math.floor(totalBytes * MAIN_SHARE), totalBytes) : totalBytes;
  }

  /** Starts the worker (once) on [split, end), in the ledger's year. */
  start(year: number, encoding: Encoding): void {
    if (this.result !== null || this.split >= this.totalBytes) return;
    const { budgets } = this.options;
    const task: PartTask = {
      path: this.path,
      from: this.split,
      to: this.totalBytes,
      year,
      encoding,
      codes: budgets.codes.snapshot(),
      departments: budgets.departmentCodes.length,
      economicCodes: budgets.economicCodes.length,
      expectedLines: Math.ceil(this.expectedLines * (1 - this.split / this.totalBytes)),
      maxRejects: MAX_PART_REJECTS,
    };
    this.startedWith = encoding;
    const worker = new Worker(WORKER, { workerData: task });
    this.worker = worker;
    this.result = new Promise<PartResult>((resolve) => {
      worker.once('message', (message: PartResult) => resolve(message));
      // A worker that fails (out of memory, a fault) only costs the time: the main thread reads its part.
      worker.once('error', () => resolve({ ok: false }));
      worker.once('exit', () => resolve({ ok: false }));
    });
  }

  cancel(): void {
    void this.worker?.terminate();
  }

  /**
   * After the first part: hashes the second part's bytes, then merges the worker's part into the reader's state.
   * False when it could not (the caller then reads the second part itself).
   */
  async finish(
    state: ScanState,
    reader: LedgerLineReader,
    aggregates: LedgerAggregates,
    onBytes: (bytes: Buffer) => void,
    onReject: (line: number, code: LedgerRejectCode, bytes: Uint8Array) => void,
    onChunk: ((position: number) => Promise<void>) | undefined,
  ): Promise<boolean> {
    readRange(this.fd, this.split, this.totalBytes, onBytes);
    if (this.result === null) return false;
    const part = await this.result;
    void this.worker?.terminate();
    if (!part.ok) return false;
    // The worker started before the first part settled the encoding: both must agree, else read it again.
    if (this.startedWith === 'undecided' && part.encoding !== 'undecided') {
      if (state.encoding !== 'undecided' && state.encoding !== part.encoding) return false;
      state.encoding = part.encoding;
    }
    const theirs = VoucherSet.fromSlots(part.voucherSlots, part.voucherCount);
    if (reader.vouchersShareAny(theirs)) return false;
    // Near the exact range, only a line-by-line reading refuses at the same line as one reader: read it again.
    if (!aggregates.canMergeExactly(part.aggregates) || !aggregates.merge(part.aggregates)) return false;
    reader.addVouchers(theirs, part.accepted);
    state.linesRead += part.linesRead;
    state.rejected += part.rejected;
    for (const [code, count] of Object.entries(part.rejectedByCode) as [LedgerRejectCode, number][])
      state.rejectedByCode[code] = (state.rejectedByCode[code] ?? 0) + count;
    for (const reject of part.rejects) onReject(state.lineNo + reject.line, reject.code, reject.bytes);
    state.lineNo += part.lineNo;
    await onChunk?.(this.totalBytes);
    return true;
  }
}
