// Source: standards.md §6: 得分 = 分值 × 执行率, capped at 分值 ("最高不得超过分值上限"); printed step rules such as
// "100%计满分，每低于5%扣2分"; bands of 得分系数. Edge cases: no rate (a zero or absent denominator) gives 0 points,
// stated; a step rule never goes below 0; the rate is the one printed (2 decimals).
import { divideHalfUp, formatPercent, type Percent } from '../money/index.js';
import { pointsForRate } from '../scoring/execution-score.js';
import { clampPoints, formatPoints, points, ZERO_POINTS, type Points } from '../scoring/points.js';
import type { FundsRule } from '../scoring/rule-pack.js';

export type FundsRuleResult = { score: Points; rule: string; formula: string };

const pct = (p: Percent | bigint): string => `${formatPercent(p as Percent, { trimZeros: true })}%`;

function steps(rule: Extract<FundsRule, { kind: 'steps' }>, weight: Points, rate: Percent): FundsRuleResult {
  const head = `${pct(rule.fullAt)}计满分，每低于 ${pct(rule.step)} 扣 ${formatPoints(rule.pointsPerStep)} 分`;
  if (rate >= rule.fullAt)
    return { score: weight, rule: `${head}；执行率已达 ${pct(rule.fullAt)}，得满分`, formula: '得分 = 分值' };
  const deficit = rule.fullAt - rate;
  const count = rule.count === 'completed' ? deficit / rule.step : (deficit + rule.step - 1n) / rule.step;
  const score = clampPoints(points(weight - count * rule.pointsPerStep), ZERO_POINTS, weight);
  const counted = rule.count === 'completed' ? '按满档计' : '不足一档按一档计';
  return {
    score,
    rule: `${head}；执行率低于 ${pct(rule.fullAt)} 共 ${pct(deficit)}，${counted}为 ${count.toString()} 档`,
    formula: '得分 = max(分值 − 档数 × 每档扣分, 0)',
  };
}

function bands(rule: Extract<FundsRule, { kind: 'bands' }>, weight: Points, rate: Percent): FundsRuleResult {
  const band = rule.bands.find((b) => rate >= b.min);
  if (band === undefined) {
    return {
      score: ZERO_POINTS,
      rule: `执行率低于最低一档（${pct(rule.bands.at(-1)?.min ?? 0n)}），得 0 分`,
      formula: '得分 = 0',
    };
  }
  const score = clampPoints(points(divideHalfUp(weight * band.factor, 10_000n)), ZERO_POINTS, weight);
  return {
    score,
    rule: `执行率达到 ${pct(band.min)} 一档，得分系数 ${pct(band.factor)}`,
    formula: '得分 = 分值 × 得分系数',
  };
}

/** The funds score of a weight at a rate under the pack's rule; no rate gives 0. */
export function applyFundsRule(rule: FundsRule, weight: Points, rate: Percent | null): FundsRuleResult {
  if (rate === null) return { score: ZERO_POINTS, rule: '无执行率（预算数为 0），得 0 分', formula: '得分 = 0' };
  switch (rule.kind) {
    case 'proportional':
      return {
        score: pointsForRate(weight, rate),
        rule: rate >= 10_000n ? '执行率达到 100%，得满分（以分值为上限）' : '按执行率计分',
        formula: '得分 = min(分值 × 执行率, 分值)',
      };
    case 'steps':
      return steps(rule, weight, rate);
    case 'bands':
      return bands(rule, weight, rate);
  }
}
