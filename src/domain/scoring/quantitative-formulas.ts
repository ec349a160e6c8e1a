// Source: standards.md §4 (MoF 2020 self-evaluation methods): ≥, ≤ and = indicator formulas.
// Edge cases: a zero or negative target never divides (a stated rule decides instead); scores stay in [0, weight].
import { divideHalfUp } from '../money/index.js';
import { compareQuantity, fraction, isNegative, isZero, subtractQuantity, absQuantity } from './exact-quantity.js';
import type { ExactQuantity } from './exact-quantity.js';
import { clampPoints, points, ZERO_POINTS, type Points } from './points.js';
import type { RulePack } from './rule-pack.js';

/** What a formula gives: the score and, in Chinese, the rule that applied and the formula used. */
export type FormulaResult = { score: Points; rule: string; formula: string };

const FULL = '得分 = 分值';
const ZERO = '得分 = 0';

/** weight × num ÷ den, half-up to 0.01 point, within [0, weight]; a zero denominator gives 0. */
function scaleWeight(weight: Points, num: bigint, den: bigint): Points {
  if (den === 0n) return ZERO_POINTS;
  return clampPoints(points(divideHalfUp(weight * num, den)), ZERO_POINTS, weight);
}

/** ≥ indicators: full when actual ≥ target, else weight × actual ÷ target (0 when the target is not positive). */
export function scoreAtLeast(
  method: RulePack['formulas']['≥'],
  weight: Points,
  target: ExactQuantity,
  actual: ExactQuantity,
): FormulaResult {
  if (compareQuantity(actual, target) >= 0) return { score: weight, rule: '实际值达到目标值，得满分', formula: FULL };
  if (method === 'allOrNothing')
    return { score: ZERO_POINTS, rule: '未达到目标值，得 0 分（全有全无）', formula: ZERO };
  if (isZero(target) || isNegative(target)) {
    return { score: ZERO_POINTS, rule: '目标值不为正且实际值低于目标值，得 0 分', formula: ZERO };
  }
  const { num, den } = fraction(actual, target);
  return {
    score: scaleWeight(weight, num, den),
    rule: '实际值未达到目标值，按完成比例计分',
    formula: '得分 = 分值 × 实际值 ÷ 目标值',
  };
}

/** ≤ indicators: full when actual ≤ target; linear down to 0 at twice the target; 0 beyond (or when target ≤ 0). */
export function scoreAtMost(
  method: RulePack['formulas']['≤'],
  weight: Points,
  target: ExactQuantity,
  actual: ExactQuantity,
): FormulaResult {
  if (compareQuantity(actual, target) <= 0) return { score: weight, rule: '实际值不超过目标值，得满分', formula: FULL };
  if (method === 'allOrNothing') return { score: ZERO_POINTS, rule: '超过目标值，得 0 分（全有全无）', formula: ZERO };
  if (isZero(target) || isNegative(target)) {
    return { score: ZERO_POINTS, rule: '目标值为 0（或负）而实际值超过目标值，得 0 分', formula: ZERO };
  }
  return linearDeduction(weight, subtractQuantity(actual, target), target, {
    zero: '实际值达到或超过目标值的两倍，得 0 分',
    partial: '实际值超过目标值但未到两倍，按超出比例扣减',
    formula: '得分 = 分值 × (1 − (实际值 − 目标值) ÷ 目标值)',
  });
}

/**
 * = indicators. Target 0: full when actual ≤ 0, else 0 (standards.md §4). Other targets: full when equal;
 * otherwise weight × (1 − |actual − target| ÷ |target|), 0 once the deviation reaches the target itself.
 */
export function scoreEqual(
  method: RulePack['formulas']['='],
  weight: Points,
  target: ExactQuantity,
  actual: ExactQuantity,
): FormulaResult {
  if (isZero(target)) {
    return compareQuantity(actual, target) <= 0
      ? { score: weight, rule: '目标值为 0，实际值不大于 0，得满分', formula: FULL }
      : { score: ZERO_POINTS, rule: '目标值为 0，实际值大于 0，得 0 分', formula: ZERO };
  }
  if (compareQuantity(actual, target) === 0) return { score: weight, rule: '实际值等于目标值，得满分', formula: FULL };
  if (method === 'allOrNothing')
    return { score: ZERO_POINTS, rule: '实际值不等于目标值，得 0 分（全有全无）', formula: ZERO };
  return linearDeduction(weight, absQuantity(subtractQuantity(actual, target)), absQuantity(target), {
    zero: '偏离目标值达 100% 以上，得 0 分',
    partial: '实际值偏离目标值，按偏离比例扣减',
    formula: '得分 = 分值 × (1 − |实际值 − 目标值| ÷ |目标值|)',
  });
}

/** weight × (1 − deviation ÷ base), and 0 once the deviation reaches the base (shared by ≤ and =). */
function linearDeduction(
  weight: Points,
  deviation: ExactQuantity,
  base: ExactQuantity,
  text: { zero: string; partial: string; formula: string },
): FormulaResult {
  if (compareQuantity(deviation, base) >= 0) return { score: ZERO_POINTS, rule: text.zero, formula: ZERO };
  const { num, den } = fraction(deviation, base);
  return { score: scaleWeight(weight, den - num, den), rule: text.partial, formula: text.formula };
}
