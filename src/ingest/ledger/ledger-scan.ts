import { isAscii, isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { decodeText } from '../decode-text.js';
import type { LedgerRejectCode } from './ledger-codes.js';
import type { LedgerLineReader } from './ledger-line.js';

export type Encoding = 'undecided' | 'UTF-8' | 'GB18030';

/** Where a scan of a byte range stands; a range scanned after another continues its state. */
export type ScanState = {
  encoding: Encoding;
  /** Lines seen so far, empty ones included (line numbers count them). */
  lineNo: number;
  linesRead: number;
  rejected: number;
  rejectedByCode: Partial<Record<LedgerRejectCode, number>>;
  /** The chunk buffer of the scans so far, reused by the next (fresh memory is costly: see readRange). */
  buffer?: Buffer;
};

export const newScanState = (encoding: Encoding = 'undecided'): ScanState => ({
  encoding,
  lineNo: 0,
  linesRead: 0,
  rejected: 0,
  rejectedByCode: {},
});

export type ScanHooks = {
  /** Every byte read, in file order (the file's SHA-256). */
  onBytes?: ((bytes: Buffer) => void) | undefined;
  /** A rejected line: its line number (in `state`'s count), code and raw bytes (valid only during the call). */
  onReject?: (line: number, code: LedgerRejectCode, bytes: Buffer) => void;
  /** Line 1 of the file (the header), raw; a non-null answer stops the scan. */
  onHeader?: (bytes: Buffer) => string | null;
  /**
   * After each chunk: the position reached (a progress bar may draw). A number is a new end of the range, a line
   * boundary at or past the position (the worker thread takes the rest: read-parallel.ts).
   */
  onChunk?: (position: number) => Promise<number | void> | number | void;
};

/** Why a scan stopped: the encoding (a Chinese reason, the line the chunk started at) or the header. */
export type ScanStop = { kind: 'encoding'; line: number; reason: string } | { kind: 'header'; reason: string };

const NEWLINE = 0x0a;
/** The main thread's chunk (a worker's is smaller: read-parallel.ts). */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** Settles the encoding over one chunk of whole lines; a refusal's Chinese reason, or null. */
export function checkEncoding(state: { encoding: Encoding }, chunk: Buffer): string | null {
  if (state.encoding === 'UTF-8') return isUtf8(chunk) ? null : '不是有效的 UTF-8（文件前部为 UTF-8，后部不是）';
  if (isAscii(chunk)) return null;
  if (state.encoding === 'GB18030') {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(chunk);
      return null;
    } catch {
      return '不是有效的 GB18030/GBK（文件前部为 GBK，后部不是）';
    }
  }
  // Valid UTF-8 without a NUL byte is what decodeText would call UTF-8 (a BOM-like start included), without decoding
  // the whole chunk into a string first (a megabyte of text, and its fresh pages, for each thread's first chunk).
  if (!chunk.includes(0) && isUtf8(chunk)) {
    state.encoding = 'UTF-8';
    return null;
  }
  const decoded = decodeText(chunk);
  if (!decoded.ok) return decoded.detail;
  if (decoded.encoding !== 'UTF-8' && decoded.encoding !== 'GB18030')
    return `编码为 ${decoded.encoding}，流水只接受 UTF-8 或 GBK`;
  state.encoding = decoded.encoding;
  return null;
}

/**
 * Which line of a refused chunk (1-based) is the first one not in the settled encoding, so the refusal names the same
 * line however the file was cut into chunks (one thread, or the second part read again). 1 while still undecided.
 */
function firstBadLine(state: { encoding: Encoding }, chunk: Buffer): number {
  if (state.encoding === 'undecided') return 1;
  let line = 1;
  for (let start = 0; start < chunk.length; line++) {
    const newline = chunk.indexOf(NEWLINE, start);
    const end = newline === -1 ? chunk.length : newline + 1;
    if (checkEncoding({ encoding: state.encoding }, chunk.subarray(start, end)) !== null) return line;
    start = end;
  }
  return 1;
}

/**
 * Reads bytes [from, to) of a ledger in chunks of whole lines (`from` is 0 or just after a newline) and hands each
 * line to the reader: the one loop of the sequential import and of each worker thread's part of the file.
 */
export async function scanRange(
  fd: number,
  from: number,
  to: number,
  reader: LedgerLineReader,
  state: ScanState,
  hooks: ScanHooks,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<ScanStop | null> {
  let buffer =
    state.buffer !== undefined && state.buffer.length >= chunkBytes ? state.buffer : Buffer.allocUnsafe(chunkBytes);
  state.buffer = buffer;
  let carry = 0;
  let position = from;
  let first = from === 0;
  for (;;) {
    if (carry === buffer.length) state.buffer = buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const bytesRead = readSync(fd, buffer, carry, Math.min(buffer.length - carry, to - position), position);
    position += bytesRead;
    hooks.onBytes?.(buffer.subarray(carry, carry + bytesRead));
    const filled = carry + bytesRead;
    const atEnd = bytesRead === 0;
    const last = atEnd ? filled : buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
    if (last === 0 && !atEnd) {
      carry = filled;
      continue;
    }
    let start = 0;
    if (first) {
      first = false;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        state.encoding = 'UTF-8';
        start = 3;
      }
    }
    const problem = checkEncoding(state, buffer.subarray(start, last));
    if (problem !== null)
      return {
        kind: 'encoding',
        line: state.lineNo + firstBadLine(state, buffer.subarray(start, last)),
        reason: problem,
      };
    const reject = (line: number, code: LedgerRejectCode, from: number, to: number) => {
      state.rejected++;
      state.rejectedByCode[code] = (state.rejectedByCode[code] ?? 0) + 1;
      hooks.onReject?.(line, code, buffer.subarray(from, to));
    };
    const onDuplicate = (line: number, from: number, to: number) => reject(line, 'LEDGER_DUPLICATE_VOUCHER', from, to);
    while (start < last) {
      let end = buffer.indexOf(NEWLINE, start);
      if (end === -1 || end >= last) end = last;
      const next = end + 1;
      if (end > start && buffer[end - 1] === 0x0d) end--;
      state.lineNo++;
      if (state.lineNo === 1 && hooks.onHeader !== undefined) {
        const reason = hooks.onHeader(buffer.subarray(start, end));
        if (reason !== null) return { kind: 'header', reason };
      } else if (end > start) {
        state.linesRead++;
        const code = reader.read(buffer, start, end, state.lineNo);
        if (code !== null) {
          // The batch's duplicates are earlier lines: reported first, so rejects stay in line order.
          reader.flush(onDuplicate);
          reject(state.lineNo, code, start, end);
        } else if (reader.batchFull) reader.flush(onDuplicate);
      }
      start = next;
    }
    // Before the chunk's bytes move: a pending line's reject is read from them.
    reader.flush(onDuplicate);
    if (reader.overflow) return null;
    const end = await hooks.onChunk?.(position);
    if (typeof end === 'number') to = end;
    if (atEnd) return null;
    carry = filled - last;
    buffer.copy(buffer, 0, last, filled);
  }
}

/**
 * Reads bytes [from, to) only to hand them to `onBytes` (the SHA-256 of the part another thread parsed), into the
 * scan's buffer when there is one: on this virtual machine a fresh megabyte costs 6–18 ms of page faults.
 */
export function readRange(
  fd: number,
  from: number,
  to: number,
  onBytes: (bytes: Buffer) => void,
  buffer: Buffer = Buffer.allocUnsafe(1 << 20),
): void {
  for (let position = from; position < to;) {
    const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, to - position), position);
    if (bytesRead === 0) return;
    onBytes(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/** The offset just after the first newline at or after `at` (a line boundary), or `size`. */
export function lineBoundaryAfter(fd: number, at: number, size: number): number {
  const buffer = Buffer.allocUnsafe(1 << 16);
  for (let position = at; position < size;) {
    const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const newline = buffer.subarray(0, bytesRead).indexOf(NEWLINE);
    if (newline !== -1) return position + newline + 1;
    position += bytesRead;
  }
  return size;
}
