// Source: standards.md §4–5: a deviation reason whenever an indicator scores below full weight, an explanation
// whenever an execution rate is below 90 %, level weights that add up, and declared scores that match.
import { formatPercent, percentPhrase } from '../money/index.js';
import { LEVEL2 } from '../dataset/indicators.js';
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';
import { BASIS_LABEL } from './execution-score.js';
import { quoteName } from './explanation.js';
import { beatenTargetPhrase } from './over-achievement.js';
import { formatPoints, parsePoints, type Points } from './points.js';
import type { DatasetScore } from './score-dataset.js';
import type { IndicatorScore } from './score-indicator.js';

type Scored = Omit<DatasetScore, 'findings' | 'totalExplanation'> & { all: IndicatorScore[] };

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function levelWeightFindings(scored: Scored): Finding[] {
  return scored.levels
    .filter((l) => l.indicatorWeight !== l.packWeight)
    .map((l) => ({
      severity: 'error',
      code: 'LEVEL_WEIGHTS_MISMATCH',
      message: `${l.level1}指标分值合计 ${formatPoints(l.indicatorWeight)} 分，规则包 ${scored.pack.name} 规定为 ${formatPoints(l.packWeight)} 分，请调整各指标分值。`,
      path: ['indicators'],
      figures: {
        level1: l.level1,
        indicatorWeight: formatPoints(l.indicatorWeight),
        packWeight: formatPoints(l.packWeight),
      },
    }));
}

function indicatorFindings(s: IndicatorScore, projects: ReadonlySet<string>): Finding[] {
  const { indicator: ind, index } = s;
  const at = (field: string) => ['indicators', index, field];
  const name = `指标${quoteName(ind.name)}`;
  const out: Finding[] = [];
  const weight = parsePoints(ind.weight);
  if (weight === null || weight < 0n) {
    out.push({
      severity: 'error',
      code: 'INDICATOR_WEIGHT_INVALID',
      message: `${name}的分值 ${ind.weight} 无效（非负，最多 2 位小数），按 0 分计。`,
      path: at('weight'),
    });
  }
  if (!(LEVEL2[ind.level1] ?? []).includes(ind.level2)) {
    out.push({
      severity: 'warning',
      code: 'INDICATOR_LEVEL2_UNKNOWN',
      message: `${name}的二级指标“${ind.level2}”不属于一级指标“${ind.level1}”（应为 ${(LEVEL2[ind.level1] ?? []).join('、')} 之一）。`,
      path: at('level2'),
    });
  }
  if (ind.project !== undefined && !projects.has(ind.project)) {
    out.push({
      severity: 'error',
      code: 'INDICATOR_PROJECT_UNKNOWN',
      message: `${name}所属项目“${ind.project}”不在项目列表中。`,
      path: at('project'),
    });
  }
  if (s.incomplete) {
    const field = ind.direction === '定性' ? 'achievement' : ind.target === undefined ? 'target' : 'actual';
    out.push({
      severity: 'error',
      code: 'INDICATOR_INCOMPLETE',
      message: `${name}：${s.explanation.rule}。`,
      path: at(field),
    });
  }
  if (s.score < s.weight && blank(ind.deviationReason)) {
    out.push({
      severity: 'warning',
      code: 'DEVIATION_REASON_MISSING',
      message: `${name}得分 ${formatPoints(s.score)}，低于分值 ${formatPoints(s.weight)}，须填写偏差原因分析及改进措施。`,
      path: at('deviationReason'),
      figures: { score: formatPoints(s.score), weight: formatPoints(s.weight) },
    });
  }
  if (s.outOfBand && s.declaredScore !== null) {
    out.push({
      severity: 'warning',
      code: 'QUALITATIVE_SCORE_OUT_OF_BAND',
      message: `${name}（定性，${ind.achievement ?? ''}）自评得分 ${formatPoints(s.declaredScore)} 不在该档区间内，按 ${formatPoints(s.score)} 分计。`,
      path: at('declaredScore'),
      figures: { declared: formatPoints(s.declaredScore), computed: formatPoints(s.score) },
    });
  } else if (s.declaredScore !== null && s.declaredScore !== s.score) {
    out.push(declaredMismatch(`${name}得分`, s.declaredScore, s.score, at('declaredScore')));
  }
  if (s.targetTooLow && s.overAchievement !== null && (ind.direction === '≥' || ind.direction === '≤')) {
    out.push({
      severity: 'warning',
      code: 'TARGET_TOO_LOW',
      message: beatenTargetPhrase(ind.direction, {
        name,
        target: `${ind.target ?? ''}${ind.unit ?? ''}`,
        actual: `${ind.actual ?? ''}${ind.unit ?? ''}`,
        share: percentPhrase(s.overAchievement),
      }),
      path: at('target'),
      figures: {
        direction: ind.direction,
        target: ind.target ?? '',
        actual: ind.actual ?? '',
        overAchievement: formatPercent(s.overAchievement),
      },
    });
  }
  return out;
}

function declaredMismatch(label: string, declared: Points, computed: Points, path: (string | number)[]): Finding {
  return {
    severity: 'error',
    code: 'DECLARED_SCORE_MISMATCH',
    message: `${label}：自评表所填 ${formatPoints(declared)} 分，按规则计算为 ${formatPoints(computed)} 分。`,
    path,
    figures: { declared: formatPoints(declared), computed: formatPoints(computed) },
  };
}

function declaredFindings(dataset: Dataset, scored: Scored): Finding[] {
  const form = dataset.selfEvaluation;
  const out: Finding[] = [];
  const pairs: [string, string | undefined, Points, string][] = [
    ['declaredExecutionScore', form.declaredExecutionScore, scored.execution.score, '预算执行率得分'],
    ['declaredTotal', form.declaredTotal, scored.total, '总分'],
  ];
  for (const [key, text, computed, label] of pairs) {
    const declared = text === undefined ? null : parsePoints(text);
    if (declared !== null && declared !== computed)
      out.push(declaredMismatch(label, declared, computed, ['selfEvaluation', key]));
  }
  if (form.declaredGrade !== undefined && form.declaredGrade !== scored.grade) {
    out.push({
      severity: 'error',
      code: 'DECLARED_GRADE_MISMATCH',
      message: `等级：自评表所填“${form.declaredGrade}”，按总分 ${formatPoints(scored.total)} 应为“${scored.grade}”。`,
      path: ['selfEvaluation', 'declaredGrade'],
      figures: { declared: form.declaredGrade, computed: scored.grade },
    });
  }
  return out;
}

function explanationFindings(dataset: Dataset, figures: Figures, scored: Scored): Finding[] {
  const threshold = scored.pack.explanationThreshold;
  const basis = scored.execution.basis;
  const out: Finding[] = [];
  const rate = scored.execution.rate;
  if (rate !== null && rate < threshold && blank(dataset.selfEvaluation.executionExplanation)) {
    out.push({
      severity: 'warning',
      code: 'EXECUTION_EXPLANATION_MISSING',
      message: `部门预算执行率（${BASIS_LABEL[basis]}）${percentPhrase(rate)}，低于 ${percentPhrase(threshold)}，须说明原因。`,
      path: ['selfEvaluation', 'executionExplanation'],
      figures: { rate: formatPercent(rate), threshold: formatPercent(threshold) },
    });
  }
  for (const p of figures.projects) {
    const projectRate = basis === 'yearStartBudget' ? (p.executionRateYearStart ?? p.executionRate) : p.executionRate;
    if (projectRate === null || projectRate >= threshold || !blank(dataset.projects[p.index]?.note)) continue;
    out.push({
      severity: 'warning',
      code: 'EXECUTION_EXPLANATION_MISSING',
      message: `项目${quoteName(p.name)}执行率 ${percentPhrase(projectRate)}，低于 ${percentPhrase(threshold)}，须在项目说明中写明原因。`,
      path: ['projects', p.index, 'note'],
      figures: { rate: formatPercent(projectRate), threshold: formatPercent(threshold) },
    });
  }
  return out;
}

/** Every scoring finding, in a stable order: weights, indicators, declared scores, explanations. */
export function scoringFindings(dataset: Dataset, figures: Figures, scored: Scored): Finding[] {
  const projects = new Set(dataset.projects.map((p) => p.name));
  return [
    ...levelWeightFindings(scored),
    ...scored.all.flatMap((s) => indicatorFindings(s, projects)),
    ...declaredFindings(dataset, scored),
    ...explanationFindings(dataset, figures, scored),
  ];
}
