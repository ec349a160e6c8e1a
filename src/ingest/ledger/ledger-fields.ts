// Source: docs/ledger.md (金额 in 元 with at most 2 decimals; 支付日期 as YYYY-MM-DD or YYYY/MM/DD). These run once
// per ledger line on the raw bytes, so they parse digits themselves instead of building strings.

/** The largest amount a line may carry: 999,999,999,999.99 元 (12 integer digits), so sums stay exact. */
export const MAX_LINE_FEN = 99_999_999_999_999;

/** 金额（元）as integer fen, or null when it is not `-?digits[.d[d]]`. Integer arithmetic only: never a float. */
export function parseYuanBytes(bytes: Uint8Array, start: number, end: number): number | null {
  let i = start;
  let negative = false;
  if (i < end && bytes[i] === 0x2d) {
    negative = true;
    i++;
  }
  let whole = 0;
  let digits = 0;
  while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
    whole = whole * 10 + (bytes[i]! - 0x30);
    digits++;
    i++;
  }
  if (digits === 0 || digits > 12) return null;
  let fraction = 0;
  if (i < end) {
    if (bytes[i] !== 0x2e) return null;
    i++;
    const first = i;
    while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
      fraction = fraction * 10 + (bytes[i]! - 0x30);
      i++;
    }
    const decimals = i - first;
    if (i !== end || decimals === 0 || decimals > 2) return null;
    if (decimals === 1) fraction *= 10;
  }
  const fen = whole * 100 + fraction;
  return negative ? -fen : fen;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;

export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

/** 1-based day of the year of a valid date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && isLeapYear(year) ? 1 : 0) + day;
}

/** The month (1–12) a day of the year falls in. */
export function monthOfDay(year: number, day: number): number {
  let month = 1;
  while (month < 12 && dayOfYear(year, month + 1, 1) <= day) month++;
  return month;
}

function digitsAt(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = bytes[i]! - 0x30;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** A date `YYYY-MM-DD` (or with `/`) as `year * 1000 + dayOfYear`, or -1 when it is not a real calendar date. */
export function parseDateBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10) return -1;
  const separator = bytes[start + 4];
  if ((separator !== 0x2d && separator !== 0x2f) || bytes[start + 7] !== separator) return -1;
  const year = digitsAt(bytes, start, 4);
  const month = digitsAt(bytes, start + 5, 2);
  const day = digitsAt(bytes, start + 8, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 1000 + dayOfYear(year, month, day);
}

/** `YYYY-MM-DD` of a day of the year. */
export function dateText(year: number, day: number): string {
  const month = monthOfDay(year, day);
  const inMonth = day - dayOfYear(year, month, 1) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(inMonth).padStart(2, '0')}`;
}
