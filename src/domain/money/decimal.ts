/**
 * Decimal text ⇄ scaled integers. Nothing in Jixiao parses an amount through parseFloat:
 * text is split at the point and read digit by digit into a bigint.
 */

export type DecimalParseError = 'NOT_A_NUMBER' | 'TOO_MANY_DECIMALS';

export type DecimalParseResult = { ok: true; value: bigint } | { ok: false; error: DecimalParseError };

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/**
 * Reads `text` as a decimal and returns it multiplied by 10^scale, exactly.
 * More than `scale` decimals is an error, never a silent rounding: "596.045" 万元 at scale 2 is refused.
 * Thousands separators (`,` / `，`) and surrounding spaces are accepted.
 */
export function parseScaledDecimal(text: string, scale: number): DecimalParseResult {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  const match = DECIMAL.exec(cleaned);
  if (!match) return { ok: false, error: 'NOT_A_NUMBER' };
  const sign = match[1] ?? match[4] ?? '';
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return { ok: false, error: 'TOO_MANY_DECIMALS' };
  const digits = whole + fraction.padEnd(scale, '0');
  const magnitude = BigInt(digits);
  return { ok: true, value: sign === '-' ? -magnitude : magnitude };
}

/** Significant digits a binary float carries exactly from typed decimal text. */
export const SAFE_SIGNIFICANT_DIGITS = 15;

/**
 * A JSON/YAML number is turned back into its shortest decimal text (which, for numbers with at most 15
 * significant digits, is the text that was typed) and then parsed as text. No arithmetic on the float.
 * A number with more significant digits, or in exponent form, may not be what was typed: null (write it as a string).
 */
export function numberToDecimalText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  if (/e/i.test(text)) return null;
  const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return significant.length > SAFE_SIGNIFICANT_DIGITS ? null : text;
}

/** Writes a value scaled by 10^scale as decimal text with exactly `decimals` places (value must already be at that scale). */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}
