import type { Dataset } from '../../domain/dataset/schema.js';
import { LEVEL1 } from '../../domain/dataset/indicators.js';
import type { AmountFigureKey } from '../../domain/figures/catalog.js';
import { printedFigures, type PrintedFigures } from '../../domain/figures/printed-figures.js';
import { formatAmount, type MoneyUnit } from '../../domain/money/index.js';
import { formatPoints, sumPoints, type Points } from '../../domain/scoring/points.js';
import { keptProblemTexts } from '../../domain/problems/problem-reviews.js';
import type { SelfEvaluation } from '../../domain/self-evaluation-table/self-evaluate.js';
import type { FundsRow } from '../../domain/self-evaluation-table/self-evaluation-table.js';
import type { ReportProblem, SelfEvaluationAnnex } from './extensions.js';
import { COLUMNS, WIDTHS, addRow, mergeRuns, nameBlock, targetsBlock, type Grid } from './form-report-table.js';
import { percentPhrase } from './format.js';
import type { ReportTable } from './types.js';

/** Points Jixiao computed, written as forms write them: "10", "8.49". */
const pts = (value: Points | null): string => (value === null ? '' : formatPoints(value).replace(/\.00$/, ''));

/** The printed figures (`PrintedFigures`) of each funds row: the same figures the report's body prints. */
const FUNDS_KEYS: Record<FundsRow['key'], readonly [AmountFigureKey, AmountFigureKey, AmountFigureKey]> = {
  total: ['yearStartBudgetTotal', 'fullYearBudgetTotal', 'expenditureTotal'],
  basic: ['basicYearStartBudget', 'basicFullYearBudget', 'expenditureBasic'],
  project: ['projectYearStartBudget', 'projectFullYearBudget', 'expenditureProject'],
};

/** 部门资金 block: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, the department's filed score first. */
function fundsBlock(grid: Grid, evaluation: SelfEvaluation, dataset: Dataset, printed: PrintedFigures): void {
  const unit: MoneyUnit = dataset.unit;
  const labelWidth = COLUMNS - 1 - 3 - 3;
  const headings = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  const first = addRow(grid, [['', 1], ['', labelWidth], ...headings.map((h) => [h, 1] as const)], true);
  const filedScore = dataset.selfEvaluation.declaredExecutionScore;
  for (const row of evaluation.table.funds.rows) {
    const [yearStart, fullYear, executed] = FUNDS_KEYS[row.key];
    const total = row.key === 'total';
    addRow(grid, [
      ['', 1],
      [row.label, labelWidth],
      [formatAmount(printed.amount(yearStart), unit), 1],
      [formatAmount(printed.amount(fullYear), unit), 1],
      [formatAmount(printed.amount(executed), unit), 1],
      [total ? pts(row.weight) : '—', 1],
      [percentPhrase(row.rate), 1],
      [total ? (filedScore ?? pts(row.score)) : '—', 1],
    ]);
  }
  nameBlock(grid, first, grid.rows.length - first, `部门资金（${unit}）`);
}

/**
 * 绩效指标: 产出, 效益, 满意度 in the form's order, 一级 and 二级 cells merged; the department's own target, 分值 and
 * filed 得分 (Jixiao's score only where the form is blank). An assumed target is a finding, never text here.
 */
function indicatorsBlock(grid: Grid, evaluation: SelfEvaluation): void {
  const headings = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
  const first = addRow(grid, [['', 1], ...headings.map((h) => [h, 1] as const), ['偏差原因分析及改进措施', 2]], true);
  const order = (level1: string) => LEVEL1.findIndex((l) => l === level1);
  const rows = [...evaluation.table.indicators].sort((a, b) => order(a.level1) - order(b.level1));
  const filed = new Map(evaluation.score.indicators.map((s) => [s.index, s.indicator] as const));
  for (const row of rows) {
    const indicator = filed.get(row.index);
    addRow(grid, [
      ['', 1],
      [row.level1, 1],
      [row.level2, 1],
      [row.name, 1],
      [row.target, 1],
      [row.actual, 1],
      [indicator?.weight ?? pts(row.weight), 1],
      [indicator?.declaredScore ?? pts(row.score), 1],
      [row.deviationReason, 2],
    ]);
  }
  mergeRuns(
    grid,
    first + 1,
    rows.map((r) => r.level1),
    1,
  );
  mergeRuns(
    grid,
    first + 1,
    rows.map((r) => `${r.level1}\u0000${r.level2}`),
    2,
  );
  nameBlock(grid, first, grid.rows.length - first, '绩效指标');
}

/** 部门整体支出绩效自评表 as the form prints it: one table on the printed forms' ten-column grid. */
function selfEvaluationTable(evaluation: SelfEvaluation, dataset: Dataset): ReportTable {
  const table = evaluation.table;
  const printed = printedFigures(dataset, evaluation.figures);
  const grid: Grid = { rows: [], spans: [], labelRows: [] };
  addRow(grid, [
    ['部门（单位）名称', 1],
    [table.department, 9],
  ]);
  fundsBlock(grid, evaluation, dataset, printed);
  targetsBlock(grid, table.annualTargets.rows);
  indicatorsBlock(grid, evaluation);
  const weight = sumPoints([
    ...table.funds.rows.flatMap((r) => (r.weight === null ? [] : [r.weight])),
    ...table.levels.map((l) => l.weight),
  ]);
  const filed = dataset.selfEvaluation;
  const totalRow = [
    '总分',
    ...Array<string>(5).fill(''),
    pts(weight),
    filed.declaredTotal ?? pts(table.total),
    '自评等级',
    filed.declaredGrade ?? table.grade,
  ];
  grid.spans.push({ row: grid.rows.length, column: 0, rowSpan: 1, colSpan: 6 });
  // No caption: the annex's heading ("附件1：2020年度部门整体支出绩效自评表") names the form once.
  return {
    header: [],
    rows: grid.rows,
    totalRow,
    numericColumns: [],
    widths: WIDTHS,
    spans: grid.spans,
    labelRows: grid.labelRows,
  };
}

/** Adapts issue 3's 绩效自评结果 to the report: drafted problems for section 四 and the 自评表 annex. */
export function fromSelfEvaluation(
  evaluation: SelfEvaluation,
  dataset: Dataset,
): { problems: ReportProblem[]; selfEvaluation: SelfEvaluationAnnex } {
  return {
    problems: keptProblemTexts(evaluation.reviewedProblems).map((text) => ({ text, origin: 'drafted' })),
    selfEvaluation: {
      title: evaluation.table.title,
      tables: [selfEvaluationTable(evaluation, dataset)],
      notes: [],
    },
  };
}
