import { formatAmount, formatPercent, percentToWire, type Fen, type MoneyUnit } from '../domain/money/index.js';
import { formatPoints, type Points } from '../domain/scoring/points.js';
import type { DatasetScore } from '../domain/scoring/score-dataset.js';
import type { IndicatorScore } from '../domain/scoring/score-indicator.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { formsToJson } from '../domain/forms/to-json.js';
import { hasOwnSelfEvaluationTable, unscoredTopLevel } from '../domain/self-evaluation-table/score-subject.js';
import type { SelfEvaluation } from '../domain/self-evaluation-table/self-evaluate.js';
import { findingToWire } from './wire.js';

const pts = (value: Points) => formatPoints(value);

function indicatorToWire(s: IndicatorScore) {
  return {
    index: s.index,
    level1: s.indicator.level1,
    level2: s.indicator.level2,
    name: s.indicator.name,
    project: s.indicator.project ?? null,
    weight: pts(s.weight),
    formulaScore: pts(s.formulaScore),
    penalty: pts(s.penalty),
    score: pts(s.score),
    declaredScore: s.declaredScore === null ? null : pts(s.declaredScore),
    overAchievement: percentToWire(s.overAchievement),
    targetTooLow: s.targetTooLow,
    outOfBand: s.outOfBand,
    incomplete: s.incomplete,
    explanation: s.explanation,
  };
}

/** 自评得分 on the wire: points "18.50", percentages "84.18", amounts "901.68" in the dataset's unit. */
export function scoreToWire(score: DatasetScore, unit: MoneyUnit) {
  const amt = (value: Fen) => formatAmount(value, unit);
  const e = score.execution;
  return {
    pack: score.pack.name,
    packTitle: score.pack.title,
    /** Execution first, then each department-level indicator: the rows of a score table. */
    items: [
      { name: '预算执行率', weight: pts(e.weight), score: pts(e.score), explanation: e.explanation.text },
      ...score.indicators.map((s) => ({
        name: s.indicator.name,
        weight: pts(s.weight),
        score: pts(s.score),
        explanation: s.explanation.text,
      })),
    ],
    execution: {
      basis: e.basis,
      budget: amt(e.budget),
      executed: amt(e.executed),
      rate: percentToWire(e.rate),
      weight: pts(e.weight),
      score: pts(e.score),
      explanation: e.explanation,
    },
    indicators: score.indicators.map(indicatorToWire),
    projectIndicators: score.projectIndicators.map(indicatorToWire),
    levels: score.levels.map((l) => ({
      level1: l.level1,
      packWeight: pts(l.packWeight),
      indicatorWeight: pts(l.indicatorWeight),
      score: pts(l.score),
    })),
    subtotal: pts(score.subtotal),
    cap: score.cap === null ? null : { below: formatPercent(score.cap.below), maxTotal: pts(score.cap.maxTotal) },
    total: pts(score.total),
    grade: score.grade,
    totalExplanation: score.totalExplanation,
    findings: score.findings.map((f) => findingToWire(f)),
  };
}

/**
 * A dataset's 自评得分 on the wire (the API's score route). A document with no self-evaluation table (a 决算说明
 * without printed forms) has nothing to score: `scored: false`, the reason in Chinese, and null total and grade —
 * never the empty table's "10.00 差" (a form document: null too, with its forms' findings). Every printed 自评表 (`dataset.forms`) is scored on its own in `forms`, as
 * `jixiao score --json` gives it: a 项目自评表 or 部门整体自评表 document's score is its forms', not the top-level
 * total (the narrative report's own table, empty in a form document).
 */
export function datasetScoreToWire(dataset: Dataset, evaluation: Pick<SelfEvaluation, 'score' | 'forms'>) {
  const { score } = evaluation;
  const forms = formsToJson(evaluation.forms, dataset.unit);
  // A 项目 or 部门整体自评表 document has no table of its own: its top level is empty (null, not the empty table's
  // "0.00 差"), and its score is its forms'.
  if (!hasOwnSelfEvaluationTable(dataset))
    return {
      ...unscoredTopLevel(dataset),
      pack: score.pack.name,
      packTitle: score.pack.title,
      items: [],
      forms,
      // What the scoring found is what the forms found (their paths are `forms[i]…`).
      findings: evaluation.forms.flatMap((f) => f.findings).map((f) => findingToWire(f)),
    };
  return { scored: true, kind: dataset.kind, ...scoreToWire(score, dataset.unit), forms };
}
