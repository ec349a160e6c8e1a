import { parseScaledDecimal } from '../money/index.js';

/**
 * An indicator quantity (target, actual) read exactly from its decimal text as numerator ÷ 10^scale,
 * so that actual ÷ target is computed on integers and never through a float.
 */
export type ExactQuantity = { units: bigint; scale: bigint };

const MAX_DECIMALS = 12;

/** "97.50" → { units: 9750n, scale: 100n }; null when the text is not a decimal number. */
export function readQuantity(text: string): ExactQuantity | null {
  const trimmed = text.trim().replace(/[,，\s]/g, '');
  const decimals = /\.(\d*)$/.exec(trimmed)?.[1]?.length ?? 0;
  if (decimals > MAX_DECIMALS) return null;
  const parsed = parseScaledDecimal(trimmed, decimals);
  return parsed.ok ? { units: parsed.value, scale: 10n ** BigInt(decimals) } : null;
}

/** Compares a and b: negative, zero or positive. */
export function compareQuantity(a: ExactQuantity, b: ExactQuantity): number {
  const left = a.units * b.scale;
  const right = b.units * a.scale;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a − b as a quantity. */
export function subtractQuantity(a: ExactQuantity, b: ExactQuantity): ExactQuantity {
  return { units: a.units * b.scale - b.units * a.scale, scale: a.scale * b.scale };
}

export function isZero(q: ExactQuantity): boolean {
  return q.units === 0n;
}

export function isNegative(q: ExactQuantity): boolean {
  return q.units < 0n;
}

export function absQuantity(q: ExactQuantity): ExactQuantity {
  return q.units < 0n ? { units: -q.units, scale: q.scale } : q;
}

/** The fraction numerator ÷ denominator as an integer pair (units × other scale), for exact scaling. */
export function fraction(numerator: ExactQuantity, denominator: ExactQuantity): { num: bigint; den: bigint } {
  return { num: numerator.units * denominator.scale, den: denominator.units * numerator.scale };
}
