// The first bytes of a ledger: its header, its year, and how many lines the file holds (estimated).
import { readSync, openSync, closeSync } from 'node:fs';
import { splitCsvLine } from './csv-line.js';
import type { LedgerFileCode, LedgerIssue } from './ledger-codes.js';
import { parseDateBytes } from './ledger-fields.js';

export const LEDGER_HEADER = ['凭证号', '支付日期', '部门编码', '项目编码', '经济分类编码', '金额', '收款人'] as const;

/** Why line 1 is not the ledger's header (each name may carry a suffix, as 金额（元）), or null when it is. */
export function headerIssue(text: string): LedgerIssue<LedgerFileCode> | null {
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
 * Lines in the file, estimated from its first 64 KB, to size the voucher set once (voucher-set.ts leaves room for
 * an estimate on the low side).
 */
export function estimateLines(fd: number, totalBytes: number): number {
  const sample = Buffer.allocUnsafe(Math.min(1 << 16, totalBytes));
  const bytesRead = readSync(fd, sample, 0, sample.length, 0);
  let lines = 0;
  for (let at = sample.indexOf(0x0a); at !== -1 && at < bytesRead; at = sample.indexOf(0x0a, at + 1)) lines++;
  return lines === 0 ? 1 : Math.ceil((totalBytes / bytesRead) * lines);
}

/** The first `length` bytes of a file as latin1 text (each byte one character), and whether that is the whole file. */
function readHead(fd: number, length: number): { text: string; whole: boolean } {
  const buffer = Buffer.allocUnsafe(length);
  const bytesRead = readSync(fd, buffer, 0, length, 0);
  return { text: buffer.toString('latin1', 0, bytesRead), whole: bytesRead < length };
}

/** The year of the first line after the header, among those starting before `limit`, whose 支付日期 is valid. */
function firstYear(text: string, limit: number): number | null {
  for (let start = text.indexOf('\n') + 1; start > 0 && start < limit; start = text.indexOf('\n', start) + 1) {
    const end = text.indexOf('\n', start);
    const date = splitCsvLine(text.slice(start, end === -1 ? text.length : end).trim())?.[1];
    if (date === undefined) continue;
    const parsed = parseDateBytes(Buffer.from(date, 'latin1'), 0, date.length);
    if (parsed !== -1) return Math.floor(parsed / 1000);
  }
  return null;
}

/** The year of the first line (within the first megabyte) whose 支付日期 is a valid date, or null. */
export function peekLedgerYear(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    // The whole lines of the first 64 KB nearly always hold it (on the second line): a megabyte of fresh memory is
    // read only when they do not. A line cut at 64 KB is left to that second reading.
    const head = readHead(fd, 1 << 16);
    const found = firstYear(head.text, head.whole ? head.text.length : head.text.lastIndexOf('\n') + 1);
    if (found !== null || head.whole) return found;
    const text = readHead(fd, 1 << 20).text;
    return firstYear(text, text.length + 1);
  } finally {
    closeSync(fd);
  }
}
