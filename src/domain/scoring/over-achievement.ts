// Source: standards.md §4, provincial add-ons: an indicator beaten by 30 % or more had its target set too low.
// Only ≥ and ≤ indicators with a positive target can be "beaten"; = and 定性 never are.
import { divideHalfUp, percent, type Percent } from '../money/index.js';
import type { Indicator } from '../dataset/schema.js';
import {
  compareQuantity,
  fraction,
  isNegative,
  isZero,
  subtractQuantity,
  type ExactQuantity,
} from './exact-quantity.js';

/**
 * 超目标幅度: how far the actual beats the target, as a share of the target (≥: (actual − target) ÷ target;
 * ≤: (target − actual) ÷ target), rounded to 0.01 %; null when not applicable or not beaten.
 */
export function overAchievement(
  direction: Indicator['direction'],
  target: ExactQuantity,
  actual: ExactQuantity,
): Percent | null {
  if (direction !== '≥' && direction !== '≤') return null;
  if (isZero(target) || isNegative(target)) return null;
  const beyond = direction === '≥' ? subtractQuantity(actual, target) : subtractQuantity(target, actual);
  if (beyond.units <= 0n) return null;
  const { num, den } = fraction(beyond, target);
  return percent(divideHalfUp(num * 10_000n, den));
}

/** True when the target was beaten by at least `threshold`, compared exactly (not on the rounded share). */
export function beatenBy(
  direction: Indicator['direction'],
  target: ExactQuantity,
  actual: ExactQuantity,
  threshold: Percent,
): boolean {
  if (overAchievement(direction, target, actual) === null) return false;
  const beyond = direction === '≥' ? subtractQuantity(actual, target) : subtractQuantity(target, actual);
  const { num, den } = fraction(beyond, target);
  return compareQuantity({ units: num * 10_000n, scale: 1n }, { units: threshold * den, scale: 1n }) >= 0;
}

/**
 * How a beaten target is worded: a ≥ target beaten by far was set too low ("超出目标值…目标设定可能偏低"); a ≤
 * ceiling undercut by far is not "超出" and not "偏低" — the actual lies far below it and the ceiling was set too loose.
 */
export function beatenTargetPhrase(
  direction: '≥' | '≤',
  values: { name: string; target: string; actual: string; share: string },
): string {
  const { name, target, actual, share } = values;
  return direction === '≤'
    ? `${name}实际值 ${actual} 低于上限 ${target} 达 ${share}，上限可能定得过宽（过于宽松）。`
    : `${name}实际值 ${actual} 超出目标值 ${target} 达 ${share}，目标设定可能偏低。`;
}

/** The short form for an explanation: "超目标值 40.00%，目标设定偏低" (≥) or "低于上限 40.00%，上限定得过宽" (≤). */
export function beatenTargetNote(direction: '≥' | '≤', share: string): string {
  return direction === '≤' ? `低于上限 ${share}，上限定得过宽` : `超目标值 ${share}，目标设定偏低`;
}
