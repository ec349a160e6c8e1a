import { CODE_HASH_PRIME, CODE_HASH_SEED } from './code-table.js';

/**
 * Splitting a ledger line's bytes into its 7 fields (ASCII delimiters never occur inside a UTF-8 or GB18030
 * character, so the same code reads both). `splitLine` is the general split (RFC 4180 quotes); `splitPlainLine` the
 * one pass that nearly every line takes: a line with no quote at a field's start, 7 fields, a valid voucher id and
 * codes without spaces around them, whose code hashes it computes on the way (the code table reads their bytes
 * again only to compare them with its entry's).
 */
export const COLUMNS = 7;

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;

/** Per byte: 1 when it may be in a voucher id ([0-9A-Za-z_/-]). */
const VOUCHER_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  VOUCHER_BYTE[c] = (c >= 0x30 && c <= 0x39) || letter || c === 0x2d || c === 0x5f || c === 0x2f ? 1 : 0;
}

/** Whether bytes[start, end) is a voucher id: 1–40 of [0-9A-Za-z_/-]. */
export function isVoucher(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start || end - start > 40) return false;
  for (let i = start; i < end; i++) if (VOUCHER_BYTE[bytes[i]!] === 0) return false;
  return true;
}

/**
 * Splits into fields; the number of fields (more than COLUMNS stops counting), or -1 for an unclosed quote.
 * `starts` and `ends` get each field's range (inside its quotes).
 */
export function splitLine(bytes: Uint8Array, start: number, end: number, starts: Int32Array, ends: Int32Array): number {
  let n = 0;
  let i = start;
  for (;;) {
    if (n > COLUMNS) return n;
    if (bytes[i] === QUOTE && i < end) {
      let j = i + 1;
      for (;;) {
        while (j < end && bytes[j] !== QUOTE) j++;
        if (j >= end) return -1;
        if (bytes[j + 1] === QUOTE && j + 1 < end) j += 2;
        else break;
      }
      starts[n] = i + 1;
      ends[n] = j;
      n++;
      if (j + 1 === end) return n;
      if (bytes[j + 1] !== COMMA) return -1;
      i = j + 2;
      continue;
    }
    let stop = i;
    while (stop < end && bytes[stop] !== COMMA) stop++;
    starts[n] = i;
    ends[n] = stop;
    n++;
    if (stop === end) return n;
    i = stop + 1;
  }
}

/**
 * The fast split of a plain line (above), with the FNV-1a hash of each code field's bytes (code-table.ts) in
 * `hashes[field]` (fields 2, 3 and 4). False for any other line, which the caller
 * then splits and checks with `splitLine`: the same fields, and the same reject in the same order of checks.
 */
export function splitPlainLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  starts: Int32Array,
  ends: Int32Array,
  hashes: Int32Array,
): boolean {
  // 凭证号: voucher bytes up to the first comma (hashed afterwards by voucher-hash.ts's hashVoucher, whose hash
  // starts from the id's length).
  let i = start;
  for (;;) {
    if (i === end) return false;
    const c = bytes[i]!;
    if (c === COMMA) break;
    if (VOUCHER_BYTE[c] === 0) return false;
    i++;
  }
  if (i === start || i - start > 40) return false;
  starts[0] = start;
  ends[0] = i;
  // The other fields: any bytes but a quote at their start and a comma.
  i++;
  for (let field = 1; field < COLUMNS; field++) {
    if (bytes[i] === QUOTE) return false;
    const from = i;
    if (field >= 2 && field <= 4) {
      let h = CODE_HASH_SEED;
      while (i < end && bytes[i] !== COMMA) h = Math.imul(h ^ bytes[i++]!, CODE_HASH_PRIME);
      if (i > from && (bytes[from] === SPACE || bytes[i - 1] === SPACE)) return false;
      hashes[field] = h;
    } else while (i < end && bytes[i] !== COMMA) i++;
    starts[field] = from;
    ends[field] = i;
    if ((i === end) !== (field === COLUMNS - 1)) return false;
    i++;
  }
  return true;
}
