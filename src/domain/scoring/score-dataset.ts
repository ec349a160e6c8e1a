import { formatPercent } from '../money/index.js';
import { LEVEL1 } from '../dataset/indicators.js';
import type { Dataset } from '../dataset/schema.js';
import { computeFigures, type Figures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';
import { applicableCap, capTotal, type ExecutionCap } from './execution-cap.js';
import { scoreExecution, type ExecutionScore } from './execution-score.js';
import { explain, type Explanation } from './explanation.js';
import { gradeFor } from './grade.js';
import { formatPoints, sumPoints, type Points } from './points.js';
import type { Grade, RulePack } from './rule-pack.js';
import { scoreIndicator, type IndicatorScore } from './score-indicator.js';
import { scoringFindings } from './scoring-findings.js';

export type Level1 = (typeof LEVEL1)[number];

/**
 * Each indicator's score, kept per list of indicators and pack: an indicator's score depends on it and the pack
 * only, and the editor, which parses the document again on every keystroke, gets the same list back while the
 * indicators are not edited (`incrementalDatasetParser`); a third of an analysis of the seed was scoring them.
 */
const SCORED = new WeakMap<Dataset['indicators'], { pack: RulePack; scores: IndicatorScore[] }>();
function indicatorScores(indicators: Dataset['indicators'], pack: RulePack): IndicatorScore[] {
  const kept = SCORED.get(indicators);
  if (kept?.pack === pack) return kept.scores;
  const scores = indicators.map((indicator, index) => scoreIndicator(indicator, index, pack));
  SCORED.set(indicators, { pack, scores });
  return scores;
}

/** 一级指标小计: the pack's weight for the level, the sum of its indicators' weights, and their score. */
export type LevelScore = { level1: Level1; packWeight: Points; indicatorWeight: Points; score: Points };

/** 部门整体支出绩效自评得分. */
export type DatasetScore = {
  pack: RulePack;
  execution: ExecutionScore;
  /** Department-level indicators (no `project`), in dataset order: these make up the total. */
  indicators: IndicatorScore[];
  /** Indicators of one project: scored and explained, but not part of the department total. */
  projectIndicators: IndicatorScore[];
  levels: LevelScore[];
  /** execution + Σ indicator scores, before any cap. */
  subtotal: Points;
  /** The execution-rate cap that lowered the total, if any. */
  cap: ExecutionCap | null;
  /** 总分. */
  total: Points;
  /** 等级. */
  grade: Grade;
  totalExplanation: Explanation;
  /** Scoring findings (weights, reasons, declared scores…), to be shown with `jixiao check`. */
  findings: Finding[];
};

function levelScores(indicators: readonly IndicatorScore[], pack: RulePack): LevelScore[] {
  return LEVEL1.map((level1) => {
    const own = indicators.filter((s) => s.indicator.level1 === level1);
    return {
      level1,
      packWeight: pack.weights[level1],
      indicatorWeight: sumPoints(own.map((s) => s.weight)),
      score: sumPoints(own.map((s) => s.score)),
    };
  });
}

function totalExplanation(
  pack: RulePack,
  execution: ExecutionScore,
  levels: LevelScore[],
  subtotal: Points,
  cap: ExecutionCap | null,
  total: Points,
  grade: Grade,
): Explanation {
  const inputs: Record<string, string> = { 预算执行率得分: formatPoints(execution.score) };
  for (const l of levels) inputs[`${l.level1}指标得分`] = formatPoints(l.score);
  const capped = cap !== null && total < subtotal;
  if (capped) inputs['封顶分'] = formatPoints(cap.maxTotal);
  const gradeBand = pack.grades.find((g) => g.grade === grade);
  const rule = capped
    ? `执行率低于 ${formatPercent(cap.below, { trimZeros: true })}%，总分最高 ${formatPoints(cap.maxTotal)} 分；等级 ${grade}（≥ ${formatPoints(gradeBand?.min ?? total)}）`
    : `总分为各部分得分之和；等级 ${grade}（≥ ${formatPoints(gradeBand?.min ?? total)}）`;
  const formula = capped
    ? '总分 = min(执行率得分 + 产出 + 效益 + 满意度, 封顶分)'
    : '总分 = 执行率得分 + 产出 + 效益 + 满意度';
  return explain(pack, { rule, formula, inputs, result: formatPoints(total) });
}

/**
 * Scores a dataset under `pack`: the execution score, every indicator by its direction, the total (with any
 * execution-rate cap) and the grade; every score carries its explanation. Pure; `figures` may be passed in
 * when already computed.
 */
export function scoreDataset(
  dataset: Dataset,
  pack: RulePack,
  figures: Figures = computeFigures(dataset),
): DatasetScore {
  const execution = scoreExecution(figures, pack, dataset.unit);
  const all = indicatorScores(dataset.indicators, pack);
  const indicators = all.filter((s) => s.indicator.project === undefined);
  const projectIndicators = all.filter((s) => s.indicator.project !== undefined);
  const levels = levelScores(indicators, pack);
  const subtotal = sumPoints([execution.score, ...levels.map((l) => l.score)]);
  const cap = applicableCap(execution.rate, pack.addOns.executionCaps);
  const total = capTotal(subtotal, cap);
  const grade = gradeFor(total, pack.grades);
  const partial = {
    pack,
    execution,
    indicators,
    projectIndicators,
    levels,
    subtotal,
    cap: total < subtotal ? cap : null,
    total,
    grade,
  };
  return {
    ...partial,
    totalExplanation: totalExplanation(pack, execution, levels, subtotal, cap, total, grade),
    findings: scoringFindings(dataset, figures, { ...partial, all }),
  };
}
