import type { FormEvaluation } from '../../domain/forms/evaluate-forms.js';
import type { FundsEvaluation, FundsLine } from '../../domain/forms/funds-block.js';
import {
  formatAmount,
  formatPercent,
  parsePercent,
  ratio,
  type Fen,
  type MoneyUnit,
} from '../../domain/money/index.js';
import { formatPoints, type Points } from '../../domain/scoring/points.js';
import type { CellSpan, ReportTable } from './types.js';

/** The total row's 占比: the total's share of itself, computed like every other share (none without spending). */
function wholeShare(actual: Fen | null): string {
  const share = actual === null ? null : ratio(actual, actual);
  return share === null ? '' : `${formatPercent(share)}%`;
}

/**
 * A 自评表 as the province prints it, on a grid of ten columns: 0 the block's name (项目资金, 年度总体目标, 绩效指标),
 * 1–3 一级 / 二级 / 三级指标, 4 年度指标值, 5 实际完成值, 6 分值, 7 得分, 8–9 偏差原因分析及改进措施. Values are
 * printed as the form wrote them; Jixiao's own figures fill only what the form left blank.
 */
export const COLUMNS = 10;
export const WIDTHS = [1.3, 0.8, 1, 1.6, 1.2, 1.2, 1.1, 1, 1, 1];

export type Grid = { rows: string[][]; spans: CellSpan[]; labelRows: number[] };

/** Adds a row of `cells` ([text, columns it takes]) and merges each cell that takes more than one column. */
export function addRow(grid: Grid, cells: readonly (readonly [string, number])[], label = false): number {
  const row: string[] = [];
  const r = grid.rows.length;
  for (const [text, width] of cells) {
    if (width > 1) grid.spans.push({ row: r, column: row.length, rowSpan: 1, colSpan: width });
    row.push(text, ...Array<string>(width - 1).fill(''));
  }
  grid.rows.push(row);
  if (label) grid.labelRows.push(r);
  return r;
}

/** Column 0 names the block from row `first` down over `count` rows. */
export function nameBlock(grid: Grid, first: number, count: number, name: string): void {
  const row = grid.rows[first];
  if (row !== undefined) row[0] = name;
  if (count > 1) grid.spans.push({ row: first, column: 0, rowSpan: count, colSpan: 1 });
}

/** Points Jixiao computed, written as forms write them: "10", "9.64". */
const pts = (value: Points | null): string => (value === null ? '' : formatPoints(value).replace(/\.00$/, ''));
const printedRate = (text: string | undefined): string | null => {
  const parsed = text === undefined ? null : parsePercent(text);
  return parsed?.ok === true ? `${formatPercent(parsed.percent)}%` : null;
};

type AmountKey = 'yearStartBudget' | 'fullYearBudget' | 'actual';
const AMOUNTS: readonly (readonly [AmountKey, string])[] = [
  ['yearStartBudget', '年初预算数'],
  ['fullYearBudget', '全年预算数'],
  ['actual', '全年执行数'],
];

function fundsBlock(grid: Grid, evaluation: FormEvaluation, funds: FundsEvaluation, unit: MoneyUnit): void {
  const printed = evaluation.form.funds;
  const amounts = AMOUNTS.filter(([key]) => funds.columns[key]);
  // 占比 only when the form prints it on some source row; a row that leaves it blank gets Jixiao's.
  const shares = printed?.rows.some((r) => r.declaredShare !== undefined) === true;
  const labelWidth = COLUMNS - 1 - amounts.length - 3 - (shares ? 1 : 0);
  const share = (line: FundsLine, declared: string | undefined): readonly (readonly [string, number])[] =>
    shares ? [[printedRate(declared) ?? (line.share === null ? '' : `${formatPercent(line.share)}%`), 1]] : [];
  const amount = (value: Fen | null | undefined) =>
    value === null || value === undefined ? '' : formatAmount(value, unit);
  const rate = (line: FundsLine, declared: string | undefined) =>
    printedRate(declared) ?? (line.rate === null ? '' : `${formatPercent(line.rate)}%`);
  const first = addRow(
    grid,
    [
      ['', 1],
      ['', labelWidth],
      ...amounts.map(([, h]) => [h, 1] as const),
      ['分值', 1],
      ['执行率', 1],
      ['得分', 1],
      ...(shares ? ([['占比', 1]] as const) : []),
    ],
    true,
  );
  const total = printed?.declaredTotal;
  addRow(grid, [
    ['', 1],
    ['年度资金总额', labelWidth],
    ...amounts.map(([key]) => [total?.[key] === undefined ? amount(funds.total[key]) : amount(total[key]), 1] as const),
    [total?.weight ?? pts(funds.total.weight), 1],
    [rate(funds.total, total?.rate), 1],
    [total?.score ?? pts(funds.total.score), 1],
    ...(shares ? ([[wholeShare(funds.total.actual), 1]] as const) : []),
  ]);
  funds.rows.forEach((line, i) => {
    const row = printed?.rows[i];
    const scored = row?.weight !== undefined || line.weight !== null;
    addRow(grid, [
      ['', 1],
      [i === 0 ? `其中：${line.source}` : line.source, labelWidth],
      ...amounts.map(([key]) => [amount(row?.[key]), 1] as const),
      [row?.weight ?? (scored ? pts(line.weight) : '—'), 1],
      [rate(line, row?.declaredRate), 1],
      [row?.declaredScore ?? (scored ? pts(line.score) : '—'), 1],
      ...share(line, row?.declaredShare),
    ]);
  });
  const name = `${evaluation.form.scope === 'project' ? '项目资金' : '部门资金'}（${unit}）`;
  nameBlock(grid, first, grid.rows.length - first, name);
}

/** 年度总体目标: 预期目标 beside 实际完成情况, one row each (one blank row when the form states none). */
export function targetsBlock(grid: Grid, targets: readonly { target: string; actual?: string | undefined }[]): void {
  const first = addRow(
    grid,
    [
      ['', 1],
      ['预期目标', 5],
      ['实际完成情况', 4],
    ],
    true,
  );
  const rows = targets.length === 0 ? [{ target: '', actual: '' }] : targets;
  for (const t of rows)
    addRow(grid, [
      ['', 1],
      [t.target, 5],
      [t.actual ?? '', 4],
    ]);
  nameBlock(grid, first, grid.rows.length - first, '年度总体目标');
}

/** Merges a run of equal cells in `column` (一级指标; 二级指标 within its 一级). */
export function mergeRuns(grid: Grid, first: number, keys: readonly string[], column: number): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i += 1) {
    if (i < keys.length && keys[i] === keys[start]) {
      const row = grid.rows[first + i];
      if (row !== undefined) row[column] = '';
      continue;
    }
    if (i - start > 1) grid.spans.push({ row: first + start, column, rowSpan: i - start, colSpan: 1 });
    start = i;
  }
}

function indicatorsBlock(grid: Grid, evaluation: FormEvaluation): void {
  const headings = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
  const first = addRow(grid, [['', 1], ...headings.map((h) => [h, 1] as const), ['偏差原因分析及改进措施', 2]], true);
  const scores = evaluation.score.indicators;
  for (const s of scores) {
    const ind = s.indicator;
    addRow(grid, [
      ['', 1],
      [ind.level1, 1],
      [ind.level2 ?? '', 1],
      [ind.name, 1],
      [ind.target ?? '', 1],
      [ind.actual ?? '', 1],
      [ind.weight ?? pts(s.weight), 1],
      [ind.declaredScore ?? pts(s.score), 1],
      [ind.deviationReason ?? '', 2],
    ]);
  }
  const level1 = scores.map((s) => s.indicator.level1);
  const level2 = scores.map((s) => `${s.indicator.level1}\u0000${s.indicator.level2 ?? `\u0001${s.index}`}`);
  mergeRuns(grid, first + 1, level1, 1);
  mergeRuns(grid, first + 1, level2, 2);
  nameBlock(grid, first, grid.rows.length - first, '绩效指标');
}

/** The printed 自评表 as one table: header block, funds, targets, indicator grid, 总分 and 等级. */
export function formReportTable(evaluation: FormEvaluation, unit: MoneyUnit, caption: string): ReportTable {
  const { form, score } = evaluation;
  const grid: Grid = { rows: [], spans: [], labelRows: [] };
  const project = form.scope === 'project';
  if (form.code === undefined)
    addRow(grid, [
      [project ? '项目名称' : '部门（单位）名称', 1],
      [form.name, 9],
    ]);
  else
    addRow(grid, [
      [project ? '项目名称' : '部门（单位）名称', 1],
      [form.name, 5],
      [project ? '项目编码' : '预算编码', 1],
      [form.code, 3],
    ]);
  if (project || form.department !== undefined || form.implementer !== undefined)
    addRow(grid, [
      ['主管部门', 1],
      [form.department ?? '', 4],
      ['实施单位', 1],
      [form.implementer ?? '', 4],
    ]);
  if (score.funds !== null) fundsBlock(grid, evaluation, score.funds, unit);
  targetsBlock(grid, evaluation.form.annualTargets);
  indicatorsBlock(grid, evaluation);
  const totalRow = [
    '总分',
    ...Array<string>(5).fill(''),
    pts(score.convention.total),
    form.declaredTotal ?? pts(score.total),
    '自评等级',
    form.declaredGrade ?? score.grade,
  ];
  grid.spans.push({ row: grid.rows.length, column: 0, rowSpan: 1, colSpan: 6 });
  return {
    caption,
    header: [],
    rows: grid.rows,
    totalRow,
    numericColumns: [],
    widths: WIDTHS,
    spans: grid.spans,
    labelRows: grid.labelRows,
  };
}
