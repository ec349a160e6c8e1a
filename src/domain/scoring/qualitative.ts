// Source: standards.md §4: 定性 indicators — 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight.
// A declared score inside its band is accepted; outside it, the score is moved to the nearer band edge (and a
// finding says so); with no declared score the pack's `qualitative.point` (top / middle / bottom) decides.
import { divideHalfUp, formatPercent } from '../money/index.js';
import type { FormulaResult } from './quantitative-formulas.js';
import { clampPoints, formatPoints, points, type Points } from './points.js';
import type { RulePack } from './rule-pack.js';

export type Achievement = keyof RulePack['qualitative']['bands'];

export type QualitativeResult = FormulaResult & {
  /** The band in points: [weight × low %, weight × high %]. */
  band: readonly [Points, Points];
  /** True when a declared score lay outside the band. */
  outOfBand: boolean;
};

export function qualitativeBand(weight: Points, rules: RulePack['qualitative'], achievement: Achievement) {
  const [low, high] = rules.bands[achievement];
  return [points(divideHalfUp(weight * low, 10_000n)), points(divideHalfUp(weight * high, 10_000n))] as const;
}

const POINT_RULE: Readonly<Record<RulePack['qualitative']['point'], string>> = {
  top: '取区间上限',
  middle: '取区间中点',
  bottom: '取区间下限',
};

export function scoreQualitative(
  weight: Points,
  rules: RulePack['qualitative'],
  achievement: Achievement,
  declared: Points | null,
): QualitativeResult {
  const band = qualitativeBand(weight, rules, achievement);
  const [low, high] = band;
  const [lowPct, highPct] = rules.bands[achievement].map((p) => formatPercent(p, { trimZeros: true }));
  const bandText = `${achievement}对应分值的 ${lowPct}%–${highPct}%（${formatPoints(low)}–${formatPoints(high)} 分）`;
  if (declared !== null) {
    const score = clampPoints(declared, low, high);
    const outOfBand = score !== declared;
    return {
      score,
      band,
      outOfBand,
      rule: outOfBand
        ? `${bandText}，自评得分 ${formatPoints(declared)} 超出区间，按最近的区间端点计`
        : `${bandText}，采用区间内的自评得分`,
      formula: '得分 = 自评得分（限于区间内）',
    };
  }
  const rule = rules.point;
  const score = rule === 'top' ? high : rule === 'bottom' ? low : points(divideHalfUp(low + high, 2n));
  return {
    score,
    band,
    outOfBand: false,
    rule: `${bandText}，未填自评得分，${POINT_RULE[rule]}`,
    formula: `得分 = ${POINT_RULE[rule].slice(1)}`,
  };
}
