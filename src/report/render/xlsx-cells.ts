/**
 * How a printed table's text goes into a worksheet cell: a figure as a number whose format shows exactly the
 * printed text ("578.60" → 578.6 in 0.00, "96.43%" → 0.9643 in 0.00%, "10" → 10 in 0), anything else as text.
 */
export type SheetValue = { value: string | number; numFmt?: string };

const DECIMAL = /^-?(?:0|[1-9]\d*)\.(\d+)$/;
const PERCENT = /^(-?(?:0|[1-9]\d*)(?:\.(\d+))?)%$/;
/** Whole numbers up to three digits: points and counts. Longer ones (项目编码, years) stay text. */
const SMALL_WHOLE = /^-?(?:0|[1-9]\d{0,2})$/;

const places = (digits: string | undefined): string => (digits === undefined ? '' : `.${'0'.repeat(digits.length)}`);

export function sheetValue(text: string): SheetValue {
  const decimal = DECIMAL.exec(text);
  if (decimal !== null) return { value: Number(text), numFmt: `0${places(decimal[1])}` };
  const percent = PERCENT.exec(text);
  // "96.43e-2": the double nearest 0.9643 itself, not 96.43 ÷ 100 with its rounding error.
  if (percent !== null) return { value: Number(`${percent[1] ?? ''}e-2`), numFmt: `0${places(percent[2])}%` };
  if (SMALL_WHOLE.test(text)) return { value: Number(text), numFmt: '0' };
  return { value: text };
}

/** The text a number shows in the formats `sheetValue` gives ("0.00", "0.00%", "0"): its inverse. */
export function printedText(value: number, numFmt: string | undefined): string {
  const decimals = /\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
  if (numFmt?.endsWith('%') === true) return `${(value * 100).toFixed(decimals)}%`;
  return numFmt === undefined ? String(value) : value.toFixed(decimals);
}

/** A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique among `taken`. */
export function sheetName(text: string, taken: ReadonlySet<string>): string {
  const clean =
    text
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || '表';
  const base = [...clean].slice(0, 31).join('');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `（${n}）`;
    const name = [...clean].slice(0, 31 - suffix.length).join('') + suffix;
    if (!taken.has(name)) return name;
  }
}

/** Display width in Excel character units: a CJK or full-width character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * The lines `text` wraps to in a cell `width` character units wide. Excel does not size a row to wrapped text in
 * merged cells, and applications differ for plain ones, so the renderer sets every row's height from this.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(2, width - 1);
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}
