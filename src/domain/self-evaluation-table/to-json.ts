import { amountToWire, percentToWire, type Fen, type MoneyUnit } from '../money/index.js';
import { formatPoints, type Points } from '../scoring/points.js';
import type { IndicatorScore } from '../scoring/score-indicator.js';
import type { SelfEvaluation } from './self-evaluate.js';

const pts = (value: Points | null): string | null => (value === null ? null : formatPoints(value));

function indicatorJson(s: IndicatorScore) {
  const ind = s.indicator;
  return {
    index: s.index,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    ...(ind.project === undefined ? {} : { project: ind.project }),
    direction: ind.direction,
    target: ind.target ?? ind.targetText ?? null,
    actual: ind.actual ?? ind.achievement ?? null,
    unit: ind.unit ?? null,
    targetAssumed: ind.targetAssumed,
    weight: formatPoints(s.weight),
    formulaScore: formatPoints(s.formulaScore),
    penalty: formatPoints(s.penalty),
    score: formatPoints(s.score),
    overAchievement: percentToWire(s.overAchievement),
    deviationReason: ind.deviationReason ?? null,
    explanation: s.explanation.text,
    explanationDetail: {
      rule: s.explanation.rule,
      formula: s.explanation.formula,
      inputs: s.explanation.inputs,
      pack: s.explanation.pack,
    },
  };
}

/** The wire form of a self-evaluation (`jixiao score --json`): points "8.49", percentages "84.87", amounts "840.75". */
export type SelfEvaluationJson = ReturnType<typeof selfEvaluationToJson>;

export function selfEvaluationToJson(evaluation: SelfEvaluation, unit: MoneyUnit) {
  const { score, reviewedProblems, table } = evaluation;
  const amt = (value: Fen): string => amountToWire(value, unit);
  const { pack, execution } = score;
  return {
    department: table.department,
    fiscalYear: table.fiscalYear,
    unit,
    pack: { name: pack.name, title: pack.title, jurisdiction: pack.jurisdiction, year: pack.year, source: pack.source },
    total: formatPoints(score.total),
    subtotal: formatPoints(score.subtotal),
    grade: score.grade,
    totalExplanation: score.totalExplanation.text,
    execution: {
      basis: execution.basis,
      budget: amt(execution.budget),
      executed: amt(execution.executed),
      rate: percentToWire(execution.rate),
      weight: formatPoints(execution.weight),
      score: formatPoints(execution.score),
      explanation: execution.explanation.text,
    },
    levels: score.levels.map((l) => ({
      level1: l.level1,
      packWeight: formatPoints(l.packWeight),
      indicatorWeight: formatPoints(l.indicatorWeight),
      score: formatPoints(l.score),
    })),
    indicators: score.indicators.map(indicatorJson),
    projectIndicators: score.projectIndicators.map(indicatorJson),
    problems: reviewedProblems.map((p) => ({
      key: p.key,
      code: p.code,
      message: p.message,
      figures: p.figures,
      path: p.path,
      decision: p.decision,
      text: p.text,
    })),
    findings: score.findings,
    table: {
      ...table,
      funds: {
        ...table.funds,
        rows: table.funds.rows.map((r) => ({
          ...r,
          yearStartBudget: amt(r.yearStartBudget),
          fullYearBudget: amt(r.fullYearBudget),
          executed: amt(r.executed),
          rate: percentToWire(r.rate),
          weight: pts(r.weight),
          score: pts(r.score),
        })),
      },
      indicators: table.indicators.map((r) => ({ ...r, weight: formatPoints(r.weight), score: formatPoints(r.score) })),
      levels: table.levels.map((l) => ({ ...l, weight: formatPoints(l.weight), score: formatPoints(l.score) })),
      total: formatPoints(table.total),
    },
  };
}
