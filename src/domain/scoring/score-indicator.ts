import { formatPercent, type Percent } from '../money/index.js';
import type { Indicator } from '../dataset/schema.js';
import { explain, type Explanation } from './explanation.js';
import { readQuantity, type ExactQuantity } from './exact-quantity.js';
import { beatenBy, beatenTargetNote, overAchievement } from './over-achievement.js';
import { formatPoints, maxPoints, parsePoints, points, ZERO_POINTS, type Points } from './points.js';
import { scoreQualitative, type QualitativeResult } from './qualitative.js';
import { scoreAtLeast, scoreAtMost, scoreEqual, type FormulaResult } from './quantitative-formulas.js';
import type { RulePack } from './rule-pack.js';

/** 三级指标得分. */
export type IndicatorScore = {
  /** Index in dataset.indicators. */
  index: number;
  indicator: Indicator;
  weight: Points;
  /** The score the direction's formula gives, before any add-on. */
  formulaScore: Points;
  /** Points deducted by a provincial add-on (over-achievement penalty); 0 when none. */
  penalty: Points;
  /** 得分 = formulaScore − penalty, at least 0. */
  score: Points;
  declaredScore: Points | null;
  /** How far the target was beaten (≥ / ≤ only), or null. */
  overAchievement: Percent | null;
  /** Beaten by at least the pack's tooLowTargetThreshold: the target was set too low. */
  targetTooLow: boolean;
  /** 定性 only: declared score outside its band. */
  outOfBand: boolean;
  /** Target, actual or achievement missing or unreadable: scored 0. */
  incomplete: boolean;
  explanation: Explanation;
};

type Quantities = { target: ExactQuantity; actual: ExactQuantity };

function quantities(indicator: Indicator): Quantities | null {
  const target = indicator.target === undefined ? null : readQuantity(indicator.target);
  const actual = indicator.actual === undefined ? null : readQuantity(indicator.actual);
  return target === null || actual === null ? null : { target, actual };
}

function formulaFor(indicator: Indicator, pack: RulePack, weight: Points, q: Quantities): FormulaResult {
  switch (indicator.direction) {
    case '≥':
      return scoreAtLeast(pack.formulas['≥'], weight, q.target, q.actual);
    case '≤':
      return scoreAtMost(pack.formulas['≤'], weight, q.target, q.actual);
    case '=':
      return scoreEqual(pack.formulas['='], weight, q.target, q.actual);
    case '定性':
      throw new Error('定性 is scored by scoreQualitative');
  }
}

function quantityInputs(indicator: Indicator): Record<string, string> {
  const unit = indicator.unit ?? '';
  return {
    目标值: `${indicator.direction}${indicator.target ?? '（缺）'}${unit}`,
    实际值: `${indicator.actual ?? '（缺）'}${unit}`,
  };
}

type Base = Pick<IndicatorScore, 'index' | 'indicator' | 'weight' | 'declaredScore'>;

const NO_ADD_ON = {
  penalty: ZERO_POINTS,
  overAchievement: null,
  targetTooLow: false,
  outOfBand: false,
  incomplete: false,
};

function scoreQualitativeIndicator(base: Base, pack: RulePack, inputs: Record<string, string>): IndicatorScore {
  const { indicator, weight, declaredScore } = base;
  if (indicator.achievement === undefined) return incompleteScore(base, pack, inputs, '定性指标未填完成程度');
  const result: QualitativeResult = scoreQualitative(weight, pack.qualitative, indicator.achievement, declaredScore);
  inputs['完成程度'] = indicator.achievement;
  if (declaredScore !== null) inputs['自评得分'] = formatPoints(declaredScore);
  const explanation = explain(pack, { ...result, inputs, result: formatPoints(result.score) });
  return {
    ...base,
    ...NO_ADD_ON,
    formulaScore: result.score,
    score: result.score,
    outOfBand: result.outOfBand,
    explanation,
  };
}

function scoreQuantitativeIndicator(base: Base, pack: RulePack, inputs: Record<string, string>): IndicatorScore {
  const { indicator, weight } = base;
  const q = quantities(indicator);
  Object.assign(inputs, quantityInputs(indicator));
  if (q === null) return incompleteScore(base, pack, inputs, '定量指标缺少目标值或实际值');
  const result = formulaFor(indicator, pack, weight, q);
  const over = overAchievement(indicator.direction, q.target, q.actual);
  const targetTooLow = beatenBy(indicator.direction, q.target, q.actual, pack.tooLowTargetThreshold);
  const penaltyRule = pack.addOns.overAchievementPenalty;
  const penalized =
    penaltyRule !== undefined && beatenBy(indicator.direction, q.target, q.actual, penaltyRule.threshold);
  const penalty = penalized ? penaltyRule.points : ZERO_POINTS;
  const score = maxPoints(ZERO_POINTS, points(result.score - penalty));
  const rule = penalized
    ? `${result.rule}；${beatenTargetNote(indicator.direction === '≤' ? '≤' : '≥', `${formatPercent(over ?? (0n as Percent))}%`)}（≥ ${formatPercent(penaltyRule.threshold, { trimZeros: true })}%），扣 ${formatPoints(penalty)} 分`
    : result.rule;
  const formula = penalized ? `${result.formula} − 扣分` : result.formula;
  const explanation = explain(pack, { rule, formula, inputs, result: formatPoints(score) });
  return {
    ...base,
    ...NO_ADD_ON,
    formulaScore: result.score,
    penalty,
    score,
    overAchievement: over,
    targetTooLow,
    explanation,
  };
}

/** Scores one indicator by its direction under `pack`, with its explanation. */
export function scoreIndicator(indicator: Indicator, index: number, pack: RulePack): IndicatorScore {
  const weight = parsePoints(indicator.weight) ?? ZERO_POINTS;
  const declaredScore = indicator.declaredScore === undefined ? null : parsePoints(indicator.declaredScore);
  const base = { index, indicator, weight, declaredScore };
  const inputs: Record<string, string> = { 分值: formatPoints(weight) };
  return indicator.direction === '定性'
    ? scoreQualitativeIndicator(base, pack, inputs)
    : scoreQuantitativeIndicator(base, pack, inputs);
}

function incompleteScore(base: Base, pack: RulePack, inputs: Record<string, string>, reason: string): IndicatorScore {
  const explanation = explain(pack, {
    rule: `${reason}，无法计分，得 0 分`,
    formula: '得分 = 0',
    inputs,
    result: '0.00',
  });
  return { ...base, ...NO_ADD_ON, formulaScore: ZERO_POINTS, score: ZERO_POINTS, incomplete: true, explanation };
}
