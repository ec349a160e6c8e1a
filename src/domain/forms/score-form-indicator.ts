// Source: standards.md §4 (≥ / ≤ / = formulas, 定性 bands) and §6 (values printed as written; a 预算执行率 indicator
// and a 成本 indicator tied to the table's own figures). Edge cases: an actual in 万元 against a target in 元 is
// converted; other unit differences, a blank cell or an unplaceable word leave the indicator unscored (0, stated).
import { formatPercent, type Percent } from '../money/index.js';
import type { FormIndicator } from '../dataset/form-table.js';
import { readQuantity, type ExactQuantity } from '../scoring/exact-quantity.js';
import { explain, type Explanation } from '../scoring/explanation.js';
import { beatenBy, beatenTargetNote, overAchievement } from '../scoring/over-achievement.js';
import { formatPoints, maxPoints, parsePoints, points, ZERO_POINTS, type Points } from '../scoring/points.js';
import { scoreQualitative, type Achievement } from '../scoring/qualitative.js';
import { scoreAtLeast, scoreAtMost, scoreEqual, type FormulaResult } from '../scoring/quantitative-formulas.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { achievementOf } from './achievement.js';
import { parsePrintedValue, type PrintedQuantity, type PrintedValue } from './parse-printed-value.js';

export type FormDirection = '≥' | '≤' | '=' | '定性';
export type FormLink = 'executionRate' | 'cost';

/** 三级指标得分 on a 自评表. */
export type FormIndicatorScore = {
  index: number;
  indicator: FormIndicator;
  direction: FormDirection;
  link: FormLink | null;
  weight: Points;
  target: PrintedValue | null;
  actual: PrintedValue | null;
  /** The actual the score used: the computed rate for a linked 预算执行率 indicator, else the printed one. */
  scoredActual: string | null;
  achievement: Achievement | null;
  formulaScore: Points;
  penalty: Points;
  score: Points;
  declaredScore: Points | null;
  overAchievement: Percent | null;
  targetTooLow: boolean;
  outOfBand: boolean;
  /** Unscored for want of a readable target or actual (scored 0, stated). */
  incomplete: boolean;
  explanation: Explanation;
};

const EXECUTION_RATE_NAME = /(预算|资金|支出)(执行|完成)率/;
const MONEY_FACTOR: Readonly<Record<string, bigint>> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };

/** 预算执行率 / 预算完成率 by name, 成本 by its level-2 heading, unless the row says `linksTo`. */
export function linkOf(indicator: FormIndicator): FormLink | null {
  if (indicator.linksTo !== undefined) return indicator.linksTo;
  if (EXECUTION_RATE_NAME.test(indicator.name)) return 'executionRate';
  return indicator.level2?.includes('成本') === true ? 'cost' : null;
}

const read = (text: string | undefined): PrintedValue | null =>
  text === undefined || text.trim() === '' ? null : parsePrintedValue(text);

/** The actual in the target's unit; null when the units cannot be compared. */
function comparable(target: PrintedQuantity, actual: PrintedQuantity): { t: ExactQuantity; a: ExactQuantity } | null {
  const t = readQuantity(target.value);
  const a = readQuantity(actual.value);
  if (t === null || a === null) return null;
  if (target.unit === actual.unit || target.unit === '' || actual.unit === '') return { t, a };
  const from = Object.hasOwn(MONEY_FACTOR, actual.unit) ? MONEY_FACTOR[actual.unit] : undefined;
  const to = Object.hasOwn(MONEY_FACTOR, target.unit) ? MONEY_FACTOR[target.unit] : undefined;
  if (from === undefined || to === undefined) return null;
  return { t, a: { units: a.units * from, scale: a.scale * to } };
}

function formula(direction: '≥' | '≤' | '=', pack: RulePack, weight: Points, t: ExactQuantity, a: ExactQuantity) {
  if (direction === '≥') return scoreAtLeast(pack.formulas['≥'], weight, t, a);
  if (direction === '≤') return scoreAtMost(pack.formulas['≤'], weight, t, a);
  return scoreEqual(pack.formulas['='], weight, t, a);
}

export type IndicatorContext = { pack: RulePack; executionRate: Percent | null };

type Base = Omit<
  FormIndicatorScore,
  | 'formulaScore'
  | 'penalty'
  | 'score'
  | 'overAchievement'
  | 'targetTooLow'
  | 'outOfBand'
  | 'incomplete'
  | 'explanation'
  | 'achievement'
>;

function finish(
  base: Base,
  pack: RulePack,
  inputs: Record<string, string>,
  result: FormulaResult,
  extra: Partial<FormIndicatorScore>,
): FormIndicatorScore {
  const penalty = extra.penalty ?? ZERO_POINTS;
  const score = maxPoints(ZERO_POINTS, points(result.score - penalty));
  return {
    ...base,
    achievement: null,
    formulaScore: result.score,
    penalty,
    score,
    overAchievement: null,
    targetTooLow: false,
    outOfBand: false,
    incomplete: false,
    ...extra,
    explanation: explain(pack, { ...result, inputs, result: formatPoints(score) }),
  };
}

function unscored(base: Base, pack: RulePack, inputs: Record<string, string>, reason: string): FormIndicatorScore {
  return finish(
    base,
    pack,
    inputs,
    { score: ZERO_POINTS, rule: `${reason}，无法计分，得 0 分`, formula: '得分 = 0' },
    { incomplete: true },
  );
}

function scoreQuantity(
  base: Base,
  pack: RulePack,
  inputs: Record<string, string>,
  direction: '≥' | '≤' | '=',
): FormIndicatorScore {
  const { target, weight } = base;
  const actual = base.scoredActual === null ? null : parsePrintedValue(base.scoredActual);
  if (target?.kind !== 'quantity' || actual?.kind !== 'quantity')
    return unscored(base, pack, inputs, '目标值或实际值不是数值');
  const q = comparable(target, actual);
  if (q === null) return unscored(base, pack, inputs, `目标值单位“${target.unit}”与实际值单位“${actual.unit}”不一致`);
  const result = formula(direction, pack, weight, q.t, q.a);
  const over = overAchievement(direction, q.t, q.a);
  const rule = pack.addOns.overAchievementPenalty;
  const penalized = rule !== undefined && beatenBy(direction, q.t, q.a, rule.threshold);
  const penalty = penalized ? rule.points : ZERO_POINTS;
  const shown = penalized
    ? {
        ...result,
        rule: `${result.rule}；${beatenTargetNote(direction === '≤' ? '≤' : '≥', `${formatPercent(over ?? (0n as Percent))}%`)}，扣 ${formatPoints(penalty)} 分`,
        formula: `${result.formula} − 扣分`,
      }
    : result;
  return finish(base, pack, inputs, shown, {
    penalty,
    overAchievement: over,
    targetTooLow: beatenBy(direction, q.t, q.a, pack.tooLowTargetThreshold),
  });
}

function scoreWords(base: Base, pack: RulePack, inputs: Record<string, string>): FormIndicatorScore {
  const { indicator, weight, declaredScore } = base;
  const achievement = indicator.actual === undefined ? null : achievementOf(indicator.actual, indicator.target);
  if (achievement === null)
    return unscored(base, pack, inputs, '无法从实际完成值判定完成程度（达成、部分达成、未达成）');
  inputs['完成程度'] = achievement;
  if (declaredScore !== null) inputs['自评得分'] = formatPoints(declaredScore);
  const result = scoreQualitative(weight, pack.qualitative, achievement, declaredScore);
  return finish(base, pack, inputs, result, { achievement, outOfBand: result.outOfBand });
}

function directionOf(
  indicator: FormIndicator,
  target: PrintedValue | null,
  actual: PrintedValue | null,
): FormDirection {
  if (indicator.direction !== undefined) return indicator.direction;
  if (target?.kind === 'quantity' && actual?.kind !== 'qualitative') return target.direction ?? '≥';
  return '定性';
}

/** Scores one indicator row as printed, the linked 预算执行率 taking the table's computed rate. */
export function scoreFormIndicator(
  indicator: FormIndicator,
  index: number,
  context: IndicatorContext,
): FormIndicatorScore {
  const { pack, executionRate } = context;
  const target = read(indicator.target);
  const actual = read(indicator.actual);
  const link = linkOf(indicator);
  const direction = directionOf(indicator, target, actual);
  const linked = link === 'executionRate' && executionRate !== null && direction !== '定性';
  const scoredActual = linked ? `${formatPercent(executionRate)}%` : (indicator.actual ?? null);
  const weight = parsePoints(indicator.weight ?? '0') ?? ZERO_POINTS;
  const declaredScore = indicator.declaredScore === undefined ? null : parsePoints(indicator.declaredScore);
  const base: Base = { index, indicator, direction, link, weight, target, actual, scoredActual, declaredScore };
  const inputs: Record<string, string> = {
    分值: formatPoints(weight),
    目标值: indicator.target ?? '（未填）',
    实际值: indicator.actual ?? '（未填）',
  };
  if (linked) inputs['按资金情况计算的执行率'] = scoredActual ?? '';
  if (target === null) return unscored(base, pack, inputs, '未填年度指标值');
  if (actual === null && !linked) return unscored(base, pack, inputs, '未填实际完成值');
  if (direction === '定性' || (actual?.kind === 'qualitative' && !linked)) return scoreWords(base, pack, inputs);
  return scoreQuantity(base, pack, inputs, direction);
}
