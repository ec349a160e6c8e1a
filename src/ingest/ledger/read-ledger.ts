import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import type { Fen } from '../../domain/money/index.js';
import { decodeText } from '../decode-text.js';
import { LedgerAggregates } from './ledger-aggregates.js';
import { REJECT_REASONS, type LedgerFileCode, type LedgerIssue, type LedgerRejectCode } from './ledger-codes.js';
import { splitCsvLine } from './csv-line.js';
import { parseDateBytes } from './ledger-fields.js';
import { LedgerLineReader } from './ledger-line.js';
import type { BudgetIndex } from './read-budgets.js';
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
};

export type LedgerReadResult =
  { ok: true; summary: LedgerReadSummary } | { ok: false; issue: LedgerIssue<LedgerFileCode> };

export const LEDGER_HEADER = ['凭证号', '支付日期', '部门编码', '项目编码', '经济分类编码', '金额', '收款人'] as const;

type Encoding = 'undecided' | 'UTF-8' | 'GB18030';
const NEWLINE = 0x0a;

/** Settles the encoding over one chunk of whole lines; a refusal's Chinese reason, or null. */
function checkEncoding(state: { encoding: Encoding }, chunk: Buffer): string | null {
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
  const decoded = decodeText(chunk);
  if (!decoded.ok) return decoded.detail;
  if (decoded.encoding !== 'UTF-8' && decoded.encoding !== 'GB18030')
    return `编码为 ${decoded.encoding}，流水只接受 UTF-8 或 GBK`;
  state.encoding = decoded.encoding;
  return null;
}

function headerIssue(text: string): LedgerIssue<LedgerFileCode> | null {
  const names = text.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
  if (names.length === LEDGER_HEADER.length && names.every((name, i) => name.startsWith(LEDGER_HEADER[i]!)))
    return null;
  return {
    line: 1,
    code: 'LEDGER_HEADER',
    message: `第 1 行应为表头 ${LEDGER_HEADER.join(',')}，实为 ${text.slice(0, 80)}`,
  };
}

/**
 * Streams a treasury ledger CSV in chunks of whole lines (constant memory: the chunk, the aggregates keyed by
 * codes, and the voucher hashes), rejecting bad lines with their line number and reason. The file as a whole is
 * refused only for its encoding, its header or a sum past the exact range.
 */
export async function readLedger(path: string, options: LedgerReadOptions): Promise<LedgerReadResult> {
  const fd = openSync(path, 'r');
  try {
    const totalBytes = fstatSync(fd).size;
    // Room for the vouchers of a file of this size (lines are rarely shorter than 64 bytes): no resizing midway.
    options.vouchers.reserve(Math.ceil(totalBytes / 64));
    const aggregates = new LedgerAggregates(options.budgets);
    const reader = new LedgerLineReader(options.budgets, options.vouchers, aggregates, options.year ?? null);
    const hash = createHash('sha256');
    const state = { encoding: 'undecided' as Encoding };
    const rejectedByCode: Partial<Record<LedgerRejectCode, number>> = {};
    let buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 22);
    let carry = 0;
    let position = 0;
    let lineNo = 0;
    let linesRead = 0;
    let rejected = 0;
    let first = true;
    for (;;) {
      if (carry === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      // Synchronous reads of whole chunks (the file is read front to back once); the event loop gets a turn after
      // each chunk so a progress bar can draw.
      const bytesRead = readSync(fd, buffer, carry, buffer.length - carry, position);
      position += bytesRead;
      hash.update(buffer.subarray(carry, carry + bytesRead));
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
      if (problem !== null) {
        return {
          ok: false,
          issue: { line: lineNo + 1, code: 'LEDGER_ENCODING', message: `第 ${lineNo + 1} 行起的内容${problem}` },
        };
      }
      const decoder = new TextDecoder(state.encoding === 'GB18030' ? 'gb18030' : 'utf-8');
      while (start < last) {
        let end = buffer.indexOf(NEWLINE, start);
        if (end === -1 || end >= last) end = last;
        const next = end + 1;
        if (end > start && buffer[end - 1] === 0x0d) end--;
        lineNo++;
        if (lineNo === 1) {
          const issue = headerIssue(decoder.decode(buffer.subarray(start, end)));
          if (issue !== null) return { ok: false, issue };
        } else if (end > start) {
          linesRead++;
          const code = reader.read(buffer, start, end);
          if (code !== null) {
            rejected++;
            rejectedByCode[code] = (rejectedByCode[code] ?? 0) + 1;
            options.onReject?.({
              line: lineNo,
              code,
              message: REJECT_REASONS[code],
              text: decoder.decode(buffer.subarray(start, end)),
            });
          }
        }
        start = next;
      }
      if (reader.overflow) {
        return {
          ok: false,
          issue: {
            line: lineNo,
            code: 'LEDGER_TOTAL_OVERFLOW',
            message: '某一汇总金额超出可精确计算的范围（约 90 万亿元）',
          },
        };
      }
      if (options.onProgress !== undefined) {
        options.onProgress(position, totalBytes);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (atEnd) break;
      carry = filled - last;
      buffer.copy(buffer, 0, last, filled);
    }
    if (lineNo === 0)
      return { ok: false, issue: { line: 1, code: 'LEDGER_EMPTY', message: '流水文件为空（缺少表头）' } };
    return {
      ok: true,
      summary: {
        encoding: state.encoding === 'GB18030' ? 'GB18030' : 'UTF-8',
        year: reader.year,
        sha256: hash.digest('hex'),
        bytes: totalBytes,
        linesRead,
        accepted: reader.acceptedCount,
        rejected,
        rejectedByCode,
        acceptedTotal: aggregates.total(),
        aggregates,
      },
    };
  } finally {
    closeSync(fd);
  }
}

/** The year of the first line (within the first megabyte) whose 支付日期 is a valid date, or null. */
export function peekLedgerYear(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    const lines = buffer.toString('latin1', 0, bytesRead).split('\n').slice(1);
    for (const line of lines) {
      const date = splitCsvLine(line.trim())?.[1];
      if (date === undefined) continue;
      const parsed = parseDateBytes(Buffer.from(date, 'latin1'), 0, date.length);
      if (parsed !== -1) return Math.floor(parsed / 1000);
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
