// Source: 部门整体 and 项目支出绩效自评表 as provinces print them (财预〔2020〕10号 annexes; 湖南、湖北、贵州、四川 samples):
// 项目名称 / 主管部门 / 实施单位 rows, the funds block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, its
// 年度资金总额 row first), 年度总体目标 | 实际完成情况, the indicator grid, and 总分 with 等级.
import type { FieldPath } from '../findings/finding.js';
import type { TableBlock, TableCell } from './document.js';
import type { FigureSink } from './figure-sink.js';
import type { FigureSource } from './source.js';

/** True when a table is (part of) a 自评表. */
export function isFormTable(table: TableBlock): boolean {
  const text = table.rows.flat().map((c) => c.text);
  return (
    text.some((t) => /年度资金总额|资金总额/u.test(t)) ||
    (text.includes('一级指标') && text.some((t) => /三级指标|指标名称/u.test(t)))
  );
}

/** A column of a printed block: how its head reads, the field it fills, and the head as figures are labelled. */
type Column = readonly [pattern: RegExp, key: string, label: string];

const FUND_COLUMNS: readonly Column[] = [
  [/年初预算/u, 'yearStartBudget', '年初预算数'],
  [/全年预算|调整后预算/u, 'fullYearBudget', '全年预算数'],
  [/全年执行|执行数|实际支出/u, 'actual', '全年执行数'],
  [/^分值$/u, 'weight', '分值'],
  [/执行率/u, 'rate', '执行率'],
  [/^得分$/u, 'score', '得分'],
];
const GRID_COLUMNS: readonly Column[] = [
  [/一级指标/u, 'level1', '一级指标'],
  [/二级指标/u, 'level2', '二级指标'],
  [/三级指标|指标名称/u, 'name', '三级指标'],
  [/年度指标值|指标值|目标值/u, 'target', '年度指标值'],
  [/实际完成值|完成值|实际值/u, 'actual', '实际完成值'],
  [/^分值$|^权重/u, 'weight', '分值'],
  [/^得分$/u, 'declaredScore', '得分'],
  [/偏差原因|原因分析/u, 'deviationReason', '偏差原因分析及改进措施'],
];

/** The printed head of a block's column, for a figure's label. */
const headOf = (columns: readonly Column[], key: string): string => columns.find((c) => c[1] === key)?.[2] ?? key;

type Columns = Map<string, number>;

function columnsOf(row: readonly TableCell[], wanted: readonly Column[]): Columns {
  const columns: Columns = new Map();
  for (const cell of row) {
    const text = cell.text.replace(/[\s（(].*$/u, '').replace(/\s/gu, '');
    const hit = wanted.find(([pattern]) => pattern.test(text) || pattern.test(cell.text.replace(/\s/gu, '')));
    if (hit !== undefined && !columns.has(hit[1])) columns.set(hit[1], cell.column - 1);
  }
  return columns;
}

const LABELS: Readonly<Record<string, string>> = {
  项目名称: 'name',
  主管部门: 'department',
  实施单位: 'implementer',
  项目编码: 'code',
};
const number = (text: string) => text.replace(/[,，%％分]/gu, '').trim();

/** Reads one 自评表 into `forms[index]`; returns false when the table holds neither funds nor indicators. */
export function formFigures(
  sink: FigureSink,
  index: number,
  table: TableBlock,
  scope: 'department' | 'project',
  fallbackName: string,
  base: Omit<FigureSource, 'quote' | 'table'>,
): boolean {
  const path = (...rest: (string | number)[]): FieldPath => ['forms', index, ...rest];
  const at = (cell: TableCell | undefined): FigureSource => ({
    ...base,
    table: table.table,
    ...(cell === undefined ? {} : { row: cell.row, column: cell.column }),
    ...(table.page === undefined ? {} : { page: table.page }),
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
    quote: cell?.text ?? '',
  });
  let funds: Columns | null = null;
  let grid: Columns | null = null;
  let fundRows = 0;
  let indicators = 0;
  let found = false;
  sink.put(path('scope'), '自评表类型', scope, at(undefined));
  for (const row of table.rows) {
    const texts = row.map((c) => c.text.replace(/\s/gu, ''));
    const first = texts.find((t) => t !== '') ?? '';
    const labelAt = texts.findIndex((t) => LABELS[t] !== undefined);
    if (labelAt >= 0) {
      const value = row.slice(labelAt + 1).find((c) => c.text !== '' && c.text.replace(/\s/gu, '') !== texts[labelAt]);
      if (value !== undefined)
        sink.put(path(LABELS[texts[labelAt] ?? ''] ?? 'name'), texts[labelAt] ?? '', value.text.trim(), at(value));
      continue;
    }
    if (texts.some((t) => /年初预算|全年预算/u.test(t)) && texts.some((t) => /执行/u.test(t))) {
      funds = columnsOf(row, FUND_COLUMNS);
      continue;
    }
    if (texts.includes('一级指标')) {
      grid = columnsOf(row, GRID_COLUMNS);
      funds = null;
      continue;
    }
    if (/总分|合计得分/u.test(texts.join(''))) {
      const numbers = row.filter((c) => /^\d+(\.\d+)?$/u.test(number(c.text)));
      const total = numbers.at(-1);
      if (total !== undefined) sink.put(path('declaredTotal'), '表中所填总分', number(total.text), at(total));
      const grade =
        /(?:等级|评价)[:：]?\s*(优|良|中|差)/u.exec(texts.join(''))?.[1] ??
        texts.find((t) => /^(优|良|中|差)$/u.test(t));
      if (grade !== undefined) sink.put(path('declaredGrade'), '表中所填等级', grade, at(row.at(-1)));
      found = true;
      continue;
    }
    if (/年度总体目标|总体目标/u.test(first) && !/实际完成/u.test(texts.slice(1).join(''))) {
      const distinct = [
        ...new Set(
          row
            .slice(1)
            .map((c) => c.text)
            .filter((t) => t !== '' && !/总体目标/u.test(t)),
        ),
      ];
      if (distinct[0] !== undefined) {
        sink.put(path('annualTargets', 0, 'target'), '年度总体目标', distinct[0], at(row[1]));
        if (distinct[1] !== undefined)
          sink.put(path('annualTargets', 0, 'actual'), '实际完成情况', distinct[1], at(row.at(-1)));
      }
      continue;
    }
    if (funds !== null && fundsRow(sink, path, funds, row, fundRows, at)) {
      if (!/资金总额/u.test(first)) fundRows += 1;
      found = true;
    } else if (grid !== null && gridRow(sink, path, grid, row, indicators, at)) {
      indicators += 1;
      found = true;
    }
  }
  if (!sink.has(path('name'))) sink.put(path('name'), '项目名称', fallbackName, at(undefined));
  return found;
}

/** The block's own head ("项目资金（万元）", merged down the block's rows), which names no source. */
const FUNDS_BLOCK_HEAD = /^(项目|部门|年度)?资金(情况)?[（(]|^(项目|部门)资金$/u;

/**
 * A funds row's source (年度资金总额, 当年财政拨款 …): the last text cell before the first amount column, skipping the
 * block's head, which a merged cell repeats in every row of the block.
 */
function fundsRowLabel(row: readonly TableCell[], firstValueColumn: number): { text: string; cell?: TableCell } {
  const cells = row
    .filter((c, i) => i < firstValueColumn && c.text !== '' && !/^[\d.,%％-]+$/u.test(c.text))
    .map((cell) => ({ cell, text: cell.text.replace(/^其中[:：]?/u, '').replace(/\s/gu, '') }));
  const named = cells.filter((c) => !FUNDS_BLOCK_HEAD.test(c.text));
  return named.at(-1) ?? cells.at(-1) ?? { text: '' };
}

function fundsRow(
  sink: FigureSink,
  path: (...r: (string | number)[]) => FieldPath,
  columns: Columns,
  row: readonly TableCell[],
  index: number,
  at: (c: TableCell | undefined) => FigureSource,
): boolean {
  const { text: label, cell: labelCell } = fundsRowLabel(row, Math.min(...columns.values()));
  const values = [...columns].flatMap(([key, column]) => {
    const cell = row[column];
    const text = number(cell?.text ?? '');
    return cell !== undefined && /^-?\d+(\.\d+)?$/u.test(text) ? [{ key, cell, text }] : [];
  });
  if (label === '' || values.length === 0) return false;
  const total = /资金总额|合计/u.test(label);
  const fieldOf = (key: string) =>
    total ? key : key === 'rate' ? 'declaredRate' : key === 'score' ? 'declaredScore' : key;
  const target = total ? path('funds', 'declaredTotal') : path('funds', 'rows', index);
  if (!total) sink.put([...target, 'source'], '资金来源', label, at(labelCell));
  for (const { key, cell, text } of values) {
    const field = fieldOf(key);
    const name = `${label}${headOf(FUND_COLUMNS, key)}`;
    if (key === 'yearStartBudget' || key === 'fullYearBudget' || key === 'actual')
      sink.amount([...target, field], name, text, sink.unit, at(cell));
    else if (key === 'rate') sink.percent([...target, field], name, text, at(cell));
    else sink.put([...target, field], name, text, at(cell));
  }
  return true;
}

function gridRow(
  sink: FigureSink,
  path: (...r: (string | number)[]) => FieldPath,
  columns: Columns,
  row: readonly TableCell[],
  index: number,
  at: (c: TableCell | undefined) => FigureSource,
): boolean {
  const cell = (key: string) => {
    const column = columns.get(key);
    return column === undefined ? undefined : row[column];
  };
  const name = cell('name');
  const level1 = cell('level1');
  if (name === undefined || level1 === undefined || name.text === '' || level1.text === '' || name.text === level1.text)
    return false;
  for (const key of ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'declaredScore', 'deviationReason']) {
    const c = cell(key);
    if (c === undefined || c.text === '') continue;
    // "（推定）" marks a target Jixiao itself inferred when it printed the form; it is no part of the value.
    const value = key === 'weight' || key === 'declaredScore' ? number(c.text) : c.text.replace(/（推定）$/u, '');
    if ((key === 'weight' || key === 'declaredScore') && !/^\d+(\.\d+)?$/u.test(value)) continue;
    sink.put(path('indicators', index, key), `指标“${name.text}”${headOf(GRID_COLUMNS, key)}`, value, at(c));
  }
  return true;
}
