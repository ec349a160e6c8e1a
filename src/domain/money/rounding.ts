/**
 * The one rounding rule of Jixiao: 四舍五入 (round half away from zero, "half-up" on magnitudes).
 * Every division that produces a displayed or compared figure goes through `divideHalfUp`.
 */

/** Integer division of `numerator` by `denominator`, rounded half-up (away from zero on ties). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('divideHalfUp: zero denominator');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Rounds an integer to a multiple of `step` (e.g. fen to whole 100 元 steps), half-up. */
export function roundToStep(value: bigint, step: bigint): bigint {
  return divideHalfUp(value, step) * step;
}
