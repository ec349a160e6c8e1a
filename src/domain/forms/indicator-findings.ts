// Source: standards.md §4–6: declared scores that ignore the rule, a total in a sub-score cell, a deviation reason
// below full weight, an indicator's actual copied from its target, one figure scored twice, level weights as the
// pack prints them. Edge cases: a cell the form does not print is only a finding where the form requires it.
import { FEN_PER_UNIT, formatPercent, percentPhrase, type Percent } from '../money/index.js';
import type { FormTable } from '../dataset/form-table.js';
import type { Finding } from '../findings/finding.js';
import { readQuantity } from '../scoring/exact-quantity.js';
import { quoteName } from '../scoring/explanation.js';
import { beatenTargetPhrase } from '../scoring/over-achievement.js';
import { parsePoints, type Points } from '../scoring/points.js';
import { amt, at, finding, pct, pointsDiffer, pts, type FormPlace } from './form-finding.js';
import { rateAsPrinted } from './rate-check.js';
import type { FormIndicatorScore } from './score-form-indicator.js';
import type { FormScore } from './score-form.js';

const MONEY_YUAN: Readonly<Record<string, bigint>> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };
const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

type Context = {
  place: FormPlace;
  score: FormScore;
  formTotal: Points | null;
  wrongRate: { rate: Percent; cell: string } | null;
  /** Some indicator of the table prints a score, so a blank one is a gap. */
  scoresPrinted: boolean;
};

function cellFindings(s: FormIndicatorScore, c: Context, name: string): Finding[] {
  const ind = s.indicator;
  const path = (key: string) => at(c.place, 'indicators', s.index, key);
  const out: Finding[] = [];
  const blankCell = (key: string, label: string, severity: 'error' | 'warning' = 'error') =>
    out.push(finding(severity, 'FORM_CELL_BLANK', `“${c.place.name}”${name}未填${label}。`, path(key)));
  if (ind.weight === undefined) blankCell('weight', '分值');
  if (blank(ind.target)) blankCell('target', '年度指标值');
  if (blank(ind.actual) && !(s.link === 'executionRate' && s.scoredActual !== null)) blankCell('actual', '实际完成值');
  if (ind.declaredScore === undefined && c.scoresPrinted) blankCell('declaredScore', '得分', 'warning');
  if (s.incomplete && !blank(ind.target) && !blank(ind.actual)) {
    const message = `“${c.place.name}”${name}：${s.explanation.rule}。`;
    out.push(finding('warning', 'FORM_INDICATOR_UNREADABLE', message, path('actual')));
  }
  return out;
}

function declaredFindings(s: FormIndicatorScore, c: Context, name: string): Finding[] {
  const declared = s.declaredScore;
  if (declared === null) return [];
  const path = at(c.place, 'indicators', s.index, 'declaredScore');
  if (declared > s.weight) {
    const total = c.formTotal !== null && declared === c.formTotal ? '，与表的总分相同，疑将总分填入此格' : '';
    const message = `“${c.place.name}”${name}得分填 ${pts(declared)}，超过其分值 ${pts(s.weight)}${total}。`;
    return [finding('error', 'FORM_CELL_MISPLACED', message, path, { declared: pts(declared), weight: pts(s.weight) })];
  }
  if (s.incomplete || !pointsDiffer(declared, s.score)) return [];
  const figures = { declared: pts(declared), computed: pts(s.score) };
  if (s.outOfBand) {
    const message = `“${c.place.name}”${name}（定性，${s.achievement ?? ''}）得分填 ${pts(declared)}，不在该档区间内，按 ${pts(s.score)} 分计。`;
    return [finding('warning', 'FORM_QUALITATIVE_SCORE_OUT_OF_BAND', message, path, figures)];
  }
  const message = `“${c.place.name}”${name}得分填 ${pts(declared)}，按规则计算为 ${pts(s.score)}：${s.explanation.text}`;
  return [finding('error', 'FORM_DECLARED_SCORE_MISMATCH', message, path, figures)];
}

function executionLinkFindings(s: FormIndicatorScore, c: Context, name: string): Finding[] {
  const rate = c.score.funds?.total.rate ?? null;
  if (s.link !== 'executionRate' || rate === null) return [];
  const out: Finding[] = [];
  const path = at(c.place, 'indicators', s.index, 'actual');
  const printed =
    s.actual?.kind === 'quantity' && (s.actual.unit === '%' || s.actual.unit === '')
      ? readQuantity(s.actual.value)
      : null;
  const printedRate =
    printed === null || 100n % printed.scale !== 0n ? null : (((printed.units * 100n) / printed.scale) as Percent);
  if (printedRate !== null && !rateAsPrinted(printedRate, rate)) {
    const figures = { declared: pct(printedRate), computed: pct(rate) };
    const wrong = c.wrongRate !== null && c.wrongRate.rate === printedRate;
    const message = wrong
      ? `“${c.place.name}”${name}实际完成值填 ${pct(printedRate)}，系按表中有误的${c.wrongRate?.cell ?? ''}算出；按资金情况应为 ${pct(rate)}。`
      : `“${c.place.name}”${name}实际完成值填 ${pct(printedRate)}，按资金情况计算的执行率为 ${pct(rate)}，已按计算值计分。`;
    out.push(
      finding('error', wrong ? 'FORM_RATE_FROM_WRONG_FIGURE' : 'FORM_LINKED_ACTUAL_MISMATCH', message, path, figures),
    );
  }
  const fundsScored = c.score.funds?.score !== null && c.score.convention.funds.weight > 0n;
  if (fundsScored && s.weight > 0n) {
    const message = `“${c.place.name}”${name}（${pts(s.weight)} 分）与资金情况的预算执行率（${pts(c.score.convention.funds.weight)} 分）对同一执行率 ${percentPhrase(rate)} 重复计分。`;
    out.push(
      finding('warning', 'FORM_EXECUTION_SCORED_TWICE', message, at(c.place, 'indicators', s.index), {
        rate: formatPercent(rate),
      }),
    );
  }
  return out;
}

/** A 成本 actual printed as its target while the table's spending differs (at the printed precision). */
function costFindings(s: FormIndicatorScore, c: Context, name: string): Finding[] {
  const spent = c.score.funds?.total.actual ?? null;
  const { target, actual } = s;
  if (s.link !== 'cost' || spent === null || target?.kind !== 'quantity' || actual?.kind !== 'quantity') return [];
  const perYuan = Object.hasOwn(MONEY_YUAN, actual.unit) ? MONEY_YUAN[actual.unit] : undefined;
  const a = readQuantity(actual.value);
  const t = readQuantity(target.value);
  if (perYuan === undefined || a === null || t === null || target.unit !== actual.unit) return [];
  if (a.units * t.scale !== t.units * a.scale) return [];
  const fenPerUnit = FEN_PER_UNIT['元'] * perYuan;
  const printedFen = (a.units * fenPerUnit) / a.scale;
  const tolerance = fenPerUnit / a.scale / 2n;
  const diff = printedFen - spent;
  if (diff <= tolerance && diff >= -tolerance) return [];
  const message = `“${c.place.name}”${name}实际完成值 ${s.indicator.actual ?? ''} 与年度指标值相同，而资金情况的全年执行数为 ${amt(spent, c.place.unit)}，疑为照抄目标值。`;
  return [
    finding('warning', 'FORM_COST_ACTUAL_COPIED', message, at(c.place, 'indicators', s.index, 'actual'), {
      actual: s.indicator.actual ?? '',
      spent: amt(spent, c.place.unit),
    }),
  ];
}

function judgementFindings(s: FormIndicatorScore, c: Context, name: string): Finding[] {
  const out: Finding[] = [];
  const path = (key: string) => at(c.place, 'indicators', s.index, key);
  if (!s.incomplete && s.score < s.weight && blank(s.indicator.deviationReason)) {
    const message = `“${c.place.name}”${name}得分 ${pts(s.score)}，低于分值 ${pts(s.weight)}，须填写偏差原因分析及改进措施。`;
    out.push(
      finding('warning', 'FORM_DEVIATION_REASON_MISSING', message, path('deviationReason'), {
        score: pts(s.score),
        weight: pts(s.weight),
      }),
    );
  }
  if (s.targetTooLow && s.overAchievement !== null && (s.direction === '≥' || s.direction === '≤')) {
    const values = {
      name: `“${c.place.name}”${name}`,
      // "≤600万元" is worded "低于上限 600万元": the phrase names the bound itself, not the printed operator again.
      target: withoutOperator(s.indicator.target ?? ''),
      actual: s.indicator.actual ?? '',
      share: percentPhrase(s.overAchievement),
    };
    out.push(
      finding('warning', 'FORM_TARGET_TOO_LOW', beatenTargetPhrase(s.direction, values), path('target'), {
        direction: s.direction,
        overAchievement: formatPercent(s.overAchievement),
      }),
    );
  }
  return out;
}

/** A printed target without its leading comparison sign ("≤600万元" → "600万元"). */
export function withoutOperator(target: string): string {
  return target.replace(/^\s*(?:[≥≤＞＜<>=]=?|不低于|不高于|不超过|不少于|不多于|大于等于|小于等于)\s*/u, '');
}

function levelFindings(c: Context, form: FormTable): Finding[] {
  if (form.indicators.length === 0 || form.indicators.some((i) => i.weight === undefined)) return [];
  return c.score.levels.flatMap((l): Finding[] => {
    if (l.packWeight === null) {
      const message = `“${c.place.name}”的一级指标“${l.name}”不在规则包的${c.score.convention.title}表式中，其得分照计入总分。`;
      return [finding('warning', 'FORM_LEVEL_UNKNOWN', message, at(c.place, 'indicators'), { level1: l.name })];
    }
    if (l.indicatorWeight === l.packWeight) return [];
    const message = `“${c.place.name}”${l.name}指标分值合计 ${pts(l.indicatorWeight)} 分，规则包${c.score.convention.title}规定为 ${pts(l.packWeight)} 分，请核对分值或选用相符的规则包。`;
    return [
      finding('error', 'FORM_LEVEL_WEIGHTS_MISMATCH', message, at(c.place, 'indicators'), {
        level1: l.name,
        indicatorWeight: pts(l.indicatorWeight),
        packWeight: pts(l.packWeight),
      }),
    ];
  });
}

/** Every finding of a table's indicator grid. */
export function indicatorFindings(
  form: FormTable,
  score: FormScore,
  place: FormPlace,
  wrongRate: Context['wrongRate'],
): Finding[] {
  const formTotal = form.declaredTotal === undefined ? null : parsePoints(form.declaredTotal);
  const scoresPrinted = form.indicators.some((i) => i.declaredScore !== undefined) || form.declaredTotal !== undefined;
  const c: Context = { place, score, formTotal, wrongRate, scoresPrinted };
  return [
    ...levelFindings(c, form),
    ...score.indicators.flatMap((s) => {
      const name = `指标${quoteName(s.indicator.name)}`;
      return [
        ...cellFindings(s, c, name),
        ...declaredFindings(s, c, name),
        ...executionLinkFindings(s, c, name),
        ...costFindings(s, c, name),
        ...judgementFindings(s, c, name),
      ];
    }),
  ];
}
