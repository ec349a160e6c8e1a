import { formatScaled, numberToDecimalText, parseScaledDecimal, type DecimalParseError } from './decimal.js';
import { divideHalfUp } from './rounding.js';
import type { Fen } from './fen.js';

/**
 * A percentage in hundredths of a percent (84.18 % → 8418n): the 2-decimal precision every rate is
 * printed and compared at. Branded so that it never mixes with Fen.
 */
export type Percent = bigint & { readonly __unit: 'percent' };

export function percent(hundredths: bigint): Percent {
  return hundredths as Percent;
}

/**
 * part ÷ whole as a percentage rounded half-up to 2 decimals (97.66 ÷ 116.02 → 84.18 %).
 * A zero whole gives null: "no rate", never NaN or Infinity.
 */
export function ratio(part: Fen | bigint, whole: Fen | bigint): Percent | null {
  if (whole === 0n) return null;
  return divideHalfUp(part * 10_000n, whole) as Percent;
}

/** Options for writing a percentage. `trimZeros` prints 95.20 as 95.2 and 100.00 as 100, as the seed does for rates. */
export type PercentFormat = { trimZeros?: boolean };

/** A rate on the wire and in exports: "84.18", or null when it is undefined (zero denominator). */
export function percentToWire(value: Percent | null): string | null {
  return value === null ? null : formatPercent(value);
}

/** "84.18" (no % sign). */
export function formatPercent(value: Percent, options: PercentFormat = {}): string {
  const text = formatScaled(value, 2);
  return options.trimZeros === true ? text.replace(/\.?0+$/, '') : text;
}

export type PercentParseResult = { ok: true; percent: Percent } | { ok: false; error: DecimalParseError };

/** Reads a stated percentage ("64.11", "64.11%", 95.2). More than 2 decimals is refused. */
export function parsePercent(input: string | number): PercentParseResult {
  const text = typeof input === 'number' ? numberToDecimalText(input) : input.replace(/[%％]\s*$/, '');
  if (text === null) return { ok: false, error: 'NOT_A_NUMBER' };
  const parsed = parseScaledDecimal(text, 2);
  return parsed.ok ? { ok: true, percent: parsed.value as Percent } : parsed;
}

/** A percentage applied to an amount (4.6 % of 300 万元), rounded half-up to the fen. */
export function applyPercent(value: Percent, base: Fen): Fen {
  return divideHalfUp(base * value, 10_000n) as Fen;
}
