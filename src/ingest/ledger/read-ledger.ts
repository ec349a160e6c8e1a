import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync } from 'node:fs';
import type { Fen } from '../../domain/money/index.js';
import { LedgerAggregates } from './ledger-aggregates.js';
import { REJECT_REASONS, type LedgerFileCode, type LedgerIssue, type LedgerRejectCode } from './ledger-codes.js';
import { estimateLines, headerIssue } from './ledger-head.js';
import { LedgerLineReader } from './ledger-line.js';
import { newScanState, scanRange, type ScanHooks } from './ledger-scan.js';
import type { PartWorker } from './part-worker.js';
import { ParallelPart } from './read-parallel.js';
import type { BudgetIndex } from './budget-index.js';
import type { VoucherSet } from './voucher-set.js';

/** A rejected line: its line number, code, Chinese reason and the line's text as read. */
export type LedgerReject = LedgerIssue<LedgerRejectCode> & { text: string };

export type LedgerReadOptions = {
  budgets: BudgetIndex;
  /** Vouchers already counted (earlier imports); the lines of this file are added to it. */
  vouchers: VoucherSet;
  /** The ledger's year; by default the year of the first line with a valid date. */
  year?: number;
  onReject?: (reject: LedgerReject) => void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  chunkBytes?: number;
  /** Threads reading the file: 2 by default for a file of 16 MB or more on two cores or more, else 1. */
  threads?: number;
  /** The size from which a file is split between threads (tests lower it). */
  parallelMinBytes?: number;
  /** Tests: the main thread's share of a split file, and the shortest tail of it the worker may take. */
  mainShare?: number;
  minTailBytes?: number;
  /**
   * A worker started ahead (`startLedgerWorker`, e.g. before the budgets are read, so that its start overlaps them);
   * the read ends it, used or not.
   */
  worker?: PartWorker;
};

/** 对账: lines read = accepted + rejected; the accepted amounts' exact sum. */
export type LedgerReadSummary = {
  encoding: 'UTF-8' | 'GB18030';
  year: number | null;
  sha256: string;
  bytes: number;
  linesRead: number;
  accepted: number;
  rejected: number;
  rejectedByCode: Partial<Record<LedgerRejectCode, number>>;
  acceptedTotal: Fen;
  aggregates: LedgerAggregates;
  /**
   * Parts of the file a worker thread read and merged: 0 (this thread read it all, e.g. after a fallback), 1 (the
   * later part) or 2 (also the end of this thread's part, once its own was done).
   */
  workerParts: number;
  /** Whether this thread, its part done, read the end of the worker's part (and merged it). */
  workerEndTaken: boolean;
};

export type LedgerReadResult =
  { ok: true; summary: LedgerReadSummary } | { ok: false; issue: LedgerIssue<LedgerFileCode> };

export { LEDGER_HEADER, peekLedgerYear } from './ledger-head.js';
export { startLedgerWorker } from './part-worker.js';
export { splitsAcrossThreads } from './read-parallel.js';

/**
 * Streams a treasury ledger CSV in chunks of whole lines (constant memory: the chunk, the aggregates keyed by
 * codes, and the voucher hashes), rejecting bad lines with their line number and reason. The file as a whole is
 * refused only for its encoding, its header or a sum past the exact range. A large file is read by two threads
 * (read-parallel.ts) with the same result, rejects and their order included.
 */
export async function readLedger(path: string, options: LedgerReadOptions): Promise<LedgerReadResult> {
  let fd = -1;
  let spawned: ParallelPart | null = null;
  try {
    fd = openSync(path, 'r');
    const totalBytes = fstatSync(fd).size;
    const expectedLines = estimateLines(fd, totalBytes);
    const parallel = new ParallelPart(path, fd, totalBytes, options, expectedLines);
    spawned = parallel;
    // Sized once: for the file's lines, and for what sharing it with the worker asks (no second resize then).
    options.vouchers.reserve(expectedLines, parallel.headroom);
    parallel.prefault();
    // A given year (the import peeks it) is all the worker's task needs: it then reads while this thread reads its
    // first chunk, instead of waiting for it.
    if (options.year !== undefined) parallel.start(options.year, 'undecided');
    const aggregates = new LedgerAggregates(options.budgets);
    const reader = new LedgerLineReader(options.budgets, options.vouchers, aggregates, options.year ?? null);
    const hash = createHash('sha256');
    const state = newScanState();
    const decoders = new Map<string, TextDecoder>();
    const decode = (bytes: Uint8Array) => {
      const label = state.encoding === 'GB18030' ? 'gb18030' : 'utf-8';
      if (!decoders.has(label)) decoders.set(label, new TextDecoder(label));
      return decoders.get(label)!.decode(bytes);
    };
    let header: LedgerIssue<LedgerFileCode> | null = null;
    const onReject = (line: number, code: LedgerRejectCode, bytes: Uint8Array) =>
      options.onReject?.({ line, code, message: REJECT_REASONS[code], text: decode(bytes) });
    const progress = options.onProgress;
    const onChunk =
      progress === undefined
        ? undefined
        : async (position: number) => {
            progress(position, totalBytes);
            await new Promise((resolve) => setImmediate(resolve));
          };
    const hooks: ScanHooks = {
      onBytes: (bytes) => hash.update(bytes),
      onReject,
      onHeader: (bytes) => {
        header = headerIssue(decode(bytes));
        return header?.message ?? null;
      },
      ...(onChunk === undefined ? {} : { onChunk }),
    };
    const stop = await scanRange(
      fd,
      0,
      parallel.split,
      reader,
      state,
      {
        ...hooks,
        // The second part starts once the ledger's year is known (its first accepted line). The worker, its part
        // done, may take the end of this one: its new end.
        onChunk: async (position) => {
          if (reader.year !== null) parallel.start(reader.year, state.encoding);
          const end = await parallel.afterChunk(position);
          await onChunk?.(position);
          return end;
        },
      },
      options.chunkBytes,
    );
    let rest = stop;
    let workerParts = 0;
    let workerEndTaken = false;
    if (stop === null && !reader.overflow && parallel.mainEnd < totalBytes) {
      const merged = await parallel.finish(state, reader, aggregates, (bytes) => hash.update(bytes), onReject, onChunk);
      // The worker's part (and tail) cannot be merged: read them here (their bytes are in the SHA-256 already).
      const again: ScanHooks = { ...hooks, onBytes: undefined };
      workerEndTaken = merged && parallel.workerEndTaken;
      if (merged) workerParts = parallel.mainEnd < parallel.split ? 2 : 1;
      else rest = await scanRange(fd, parallel.mainEnd, totalBytes, reader, state, again, options.chunkBytes);
    } else await parallel.stop();
    if (rest?.kind === 'header') return { ok: false, issue: header! };
    if (rest?.kind === 'encoding') {
      const issue = {
        line: rest.line,
        code: 'LEDGER_ENCODING' as const,
        message: `第 ${rest.line} 行起的内容${rest.reason}`,
      };
      return { ok: false, issue };
    }
    if (reader.overflow) {
      const message = '某一汇总金额超出可精确计算的范围（约 90 万亿元）';
      return { ok: false, issue: { line: state.lineNo, code: 'LEDGER_TOTAL_OVERFLOW', message } };
    }
    if (state.lineNo === 0)
      return { ok: false, issue: { line: 1, code: 'LEDGER_EMPTY', message: '流水文件为空（缺少表头）' } };
    return {
      ok: true,
      summary: {
        encoding: state.encoding === 'GB18030' ? 'GB18030' : 'UTF-8',
        year: reader.year,
        sha256: hash.digest('hex'),
        bytes: totalBytes,
        linesRead: state.linesRead,
        accepted: reader.acceptedCount,
        rejected: state.rejected,
        rejectedByCode: state.rejectedByCode,
        acceptedTotal: aggregates.total(),
        aggregates,
        workerParts,
        workerEndTaken,
      },
    };
  } finally {
    // A throw (a caller's hook) must not leave the worker waiting for its task.
    spawned?.dispose();
    // A worker started ahead and not used (a small file, a throw) must not keep the process alive.
    options.worker?.end();
    if (fd !== -1) closeSync(fd);
  }
}
