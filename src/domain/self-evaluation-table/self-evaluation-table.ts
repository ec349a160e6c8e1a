import type { Fen, MoneyUnit, Percent } from '../money/index.js';
import { ratio } from '../money/index.js';
import type { Dataset, Indicator } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import { BASIS_LABEL } from '../scoring/execution-score.js';
import type { Points } from '../scoring/points.js';
import type { ExecutionBasis, Grade } from '../scoring/rule-pack.js';
import type { DatasetScore, Level1 } from '../scoring/score-dataset.js';
import { deriveAnnualTargets, quantityText } from './annual-targets.js';

/** A row of the funds block (年度资金): 年度资金总额, 其中：基本支出, 项目支出. */
export type FundsRow = {
  key: 'total' | 'basic' | 'project';
  label: string;
  yearStartBudget: Fen;
  fullYearBudget: Fen;
  executed: Fen;
  /** 执行率 on the pack's basis; null when the budget is zero. */
  rate: Percent | null;
  /** 分值 and 得分: on the total row only (the form scores execution once); null on the others. */
  weight: Points | null;
  score: Points | null;
};

/** A row of 年度总体目标 vs 实际完成情况. */
export type AnnualTargetRow = { target: string; actual: string };

/** A row of the indicator grid (绩效指标). */
export type IndicatorRow = {
  index: number;
  level1: Level1;
  level2: string;
  name: string;
  direction: Indicator['direction'];
  /** 年度指标值 as the form writes it: "≥60000件", or the qualitative target text. */
  target: string;
  /** 实际完成值: "63475件", or the achievement level. */
  actual: string;
  targetAssumed: boolean;
  weight: Points;
  score: Points;
  deviationReason: string;
  /** The score's explanation sentence. */
  explanation: string;
};

/** 部门整体支出绩效自评表: a pure model; src/report renders it. */
export type SelfEvaluationTable = {
  title: string;
  department: string;
  fiscalYear: number;
  unit: MoneyUnit;
  pack: { name: string; title: string; source: string };
  funds: { basis: ExecutionBasis; basisLabel: string; rows: FundsRow[]; explanation: string };
  /** `dataset` when the dataset states them, `derived` when drafted from the indicators. */
  annualTargets: { source: 'dataset' | 'derived'; rows: AnnualTargetRow[] };
  indicators: IndicatorRow[];
  /** 一级指标小计. */
  levels: { level1: Level1; weight: Points; score: Points }[];
  total: Points;
  grade: Grade;
  totalExplanation: string;
};

function fundsRows(figures: Figures, score: DatasetScore): FundsRow[] {
  const a = figures.amounts;
  const yearStart = score.execution.basis === 'yearStartBudget';
  const row = (key: FundsRow['key'], label: string, ys: Fen, fy: Fen, executed: Fen): FundsRow => ({
    key,
    label,
    yearStartBudget: ys,
    fullYearBudget: fy,
    executed,
    rate: key === 'total' ? score.execution.rate : ratio(executed, yearStart ? ys : fy),
    weight: key === 'total' ? score.execution.weight : null,
    score: key === 'total' ? score.execution.score : null,
  });
  return [
    row('total', '年度资金总额', a.yearStartBudgetTotal.value, a.fullYearBudgetTotal.value, a.expenditureTotal.value),
    row('basic', '其中：基本支出', a.basicYearStartBudget.value, a.basicFullYearBudget.value, a.expenditureBasic.value),
    row(
      'project',
      '项目支出',
      a.projectYearStartBudget.value,
      a.projectFullYearBudget.value,
      a.expenditureProject.value,
    ),
  ];
}

function indicatorRow(s: DatasetScore['indicators'][number]): IndicatorRow {
  const ind = s.indicator;
  const qualitative = ind.direction === '定性';
  return {
    index: s.index,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    direction: ind.direction,
    target: qualitative ? (ind.targetText ?? '达成') : `${ind.direction}${quantityText(ind.target, ind.unit)}`,
    actual: qualitative
      ? (ind.achievement ?? '') + (ind.evidence === undefined ? '' : `（${ind.evidence}）`)
      : quantityText(ind.actual, ind.unit),
    targetAssumed: ind.targetAssumed,
    weight: s.weight,
    score: s.score,
    deviationReason: ind.deviationReason ?? '',
    explanation: s.explanation.text,
  };
}

/**
 * Builds the 部门整体支出绩效自评表 from a dataset, its figures and its score (see `scoreDataset`): the funds
 * block, the annual overall targets, the indicator grid (department-level indicators), the total and the grade.
 */
export function buildSelfEvaluationTable(dataset: Dataset, figures: Figures, score: DatasetScore): SelfEvaluationTable {
  const stated = dataset.selfEvaluation.annualTargets;
  return {
    title: `${dataset.fiscalYear}年度部门整体支出绩效自评表`,
    department: dataset.department.name,
    fiscalYear: dataset.fiscalYear,
    unit: dataset.unit,
    pack: { name: score.pack.name, title: score.pack.title, source: score.pack.source },
    funds: {
      basis: score.execution.basis,
      basisLabel: BASIS_LABEL[score.execution.basis],
      rows: fundsRows(figures, score),
      explanation: score.execution.explanation.text,
    },
    annualTargets:
      stated.length > 0
        ? { source: 'dataset', rows: stated.map((t) => ({ target: t.target, actual: t.actual })) }
        : { source: 'derived', rows: deriveAnnualTargets(score.indicators.map((s) => s.indicator)) },
    indicators: score.indicators.map(indicatorRow),
    levels: score.levels.map((l) => ({ level1: l.level1, weight: l.packWeight, score: l.score })),
    total: score.total,
    grade: score.grade,
    totalExplanation: score.totalExplanation.text,
  };
}
