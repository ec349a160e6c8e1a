import { formatScaled, parseScaledDecimal } from '../money/index.js';

/**
 * 分值/得分: points in hundredths of a point (8.49 points → 849n). Every score is exact at this scale
 * and printed with 2 decimals; branded so that it never mixes with Fen or Percent.
 */
export type Points = bigint & { readonly __unit: 'points' };

export const ZERO_POINTS = 0n as Points;

export function points(hundredths: bigint): Points {
  return hundredths as Points;
}

/** Reads "10", "2.5", 7.25 as points; more than 2 decimals or not a number gives null. */
export function parsePoints(text: string): Points | null {
  const parsed = parseScaledDecimal(text, 2);
  return parsed.ok ? (parsed.value as Points) : null;
}

/** "8.49" */
export function formatPoints(value: Points): string {
  return formatScaled(value, 2);
}

export function sumPoints(values: readonly Points[]): Points {
  let total = 0n;
  for (const v of values) total += v;
  return total as Points;
}

export function minPoints(a: Points, b: Points): Points {
  return a < b ? a : b;
}

export function maxPoints(a: Points, b: Points): Points {
  return a > b ? a : b;
}

/** Clamps `value` into [low, high]. */
export function clampPoints(value: Points, low: Points, high: Points): Points {
  return maxPoints(low, minPoints(value, high));
}
