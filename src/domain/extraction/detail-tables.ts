// Source: the seed's two detail tables (明细支出内容 | 金额, rows then 合计) and 决算 tables like them. A table whose
// rows are all coded by 部门经济分类 becomes the dataset's lines (the ordinary checks compare its 合计); any other
// item/amount table with a 合计 is checked here, row sum against total, with the same rounding tolerance.
import { ECONOMIC_ITEMS } from '../reference/economic-classification.js';
import { formatAmount, parseAmount, sumFen, type Fen, type MoneyUnit } from '../money/index.js';
import type { TableBlock } from './document.js';
import type { FigureSink } from './figure-sink.js';
import { amountInUnit } from './numbers.js';
import type { FigureSource } from './source.js';

type Row = { name: string; amount: string; row: number; column: number };
export type DetailTable = { rows: Row[]; total: Row | null; unit: MoneyUnit };

const NUMBER = /^-?\d[\d,]*(\.\d+)?$/u;
const TOTAL = /^(合\s*计|总\s*计|小\s*计|共\s*计)$/u;

/** An item/amount table: two or more columns, the last a number in most rows, a 金额 header or a 合计 row. */
export function detailTableOf(table: TableBlock, unit: MoneyUnit): DetailTable | null {
  const header = table.rows[0]?.map((c) => c.text).join('') ?? '';
  const tableUnit: MoneyUnit = /万元/u.test(header) ? '万元' : /元/u.test(header) ? '元' : unit;
  const rows: Row[] = [];
  let total: Row | null = null;
  for (const cells of table.rows) {
    const last = cells.at(-1);
    const name = cells.find((c) => c.text !== '' && !NUMBER.test(c.text.replace(/,/gu, '')))?.text ?? '';
    if (last === undefined || cells.length < 2 || !NUMBER.test(last.text)) continue;
    const row = {
      name: name.replace(/\s+/gu, ''),
      amount: last.text.replace(/,/gu, ''),
      row: last.row,
      column: last.column,
    };
    if (TOTAL.test(row.name)) total = row;
    else if (row.name !== '') rows.push(row);
  }
  if (rows.length < 2 || (total === null && !/金额/u.test(header))) return null;
  if (rows.length + (total === null ? 0 : 1) < table.rows.length - 2) return null;
  return { rows, total, unit: tableUnit };
}

/** 部门经济分类 code of a printed line name: exact, with 缴费 dropped, or one name starting with the other. */
export function economicCodeOf(name: string, classes: readonly string[]): string | null {
  const items = ECONOMIC_ITEMS.filter((item) => classes.includes(item.classCode));
  const exact = items.find((i) => i.name === name || i.name === `${name}缴费` || i.name === `${name}费`);
  if (exact !== undefined) return exact.code;
  const near = items.filter((i) => name.startsWith(i.name) || i.name.startsWith(name));
  return near.length === 1 ? (near[0]?.code ?? null) : null;
}

const cellSource = (table: TableBlock, base: Omit<FigureSource, 'quote' | 'table'>, row: Row): FigureSource => ({
  ...base,
  table: table.table,
  row: row.row,
  column: row.column,
  ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
  ...(table.page === undefined ? {} : { page: table.page }),
  quote: `${row.name} ${row.amount}`,
});

/** Places a detail table as `part`'s lines when every row has a code; else checks its 合计 here. Returns placed. */
export function placeDetailTable(
  sink: FigureSink,
  table: TableBlock,
  detail: DetailTable,
  part: 'basic' | 'project' | null,
  base: Omit<FigureSource, 'quote' | 'table'>,
): boolean {
  const classes = part === 'basic' ? ['301', '302', '303'] : ['301', '302', '303', '307', '309', '310', '312', '399'];
  const codes = detail.rows.map((r) => economicCodeOf(r.name, classes));
  const target = part === 'basic' ? ['basicExpenditure', 'lines'] : ['projectExpenditure', 'lines'];
  if (part !== null && codes.every((c) => c !== null) && !sink.has([...target, 0, 'code'])) {
    detail.rows.forEach((row, i) => {
      const source = cellSource(table, base, row);
      sink.put([...target, i, 'code'], `${row.name}科目编码`, codes[i] ?? '', source);
      sink.put([...target, i, 'label'], '明细名称', row.name, source);
      sink.amount([...target, i, 'amount'], row.name, row.amount, detail.unit, source);
    });
    if (detail.total !== null) {
      const key = part === 'basic' ? 'basicLinesTotal' : 'projectLinesTotal';
      sink.amount(
        ['declared', key],
        part === 'basic' ? '基本支出明细合计' : '项目支出明细合计',
        detail.total.amount,
        detail.unit,
        cellSource(table, base, detail.total),
      );
    }
    return true;
  }
  checkTableTotal(sink, table, detail);
  detail.rows.forEach((row) =>
    sink.skip(
      row.name,
      `${row.amount}${detail.unit}`,
      part === null ? '明细表不属于基本支出或项目支出' : '明细名称无法对应部门经济分类科目',
      cellSource(table, base, row),
    ),
  );
  return false;
}

/** TABLE_TOTAL_MISMATCH: Σ rows ≠ 合计, info within n × 0.005 of the unit's 2-decimal rounding, else an error. */
function checkTableTotal(sink: FigureSink, table: TableBlock, detail: DetailTable): void {
  if (detail.total === null) return;
  const fen = (text: string): Fen | null => {
    const value = amountInUnit(text, detail.unit, sink.unit);
    const parsed = value === null ? null : parseAmount(value, sink.unit);
    return parsed?.ok === true ? parsed.fen : null;
  };
  const parts = detail.rows.map((r) => fen(r.amount));
  const total = fen(detail.total.amount);
  if (total === null || parts.some((p) => p === null)) return;
  const sum = sumFen(parts as Fen[]);
  if (sum === total) return;
  const difference = (sum > total ? sum - total : total - sum) as Fen;
  const step = sink.unit === '万元' ? 10_000n : 1n;
  const rounding = difference * 2n <= BigInt(detail.rows.length) * step;
  const unit = sink.unit;
  const f = (v: Fen) => `${formatAmount(v, unit)}${unit}`;
  sink.findings.push({
    severity: rounding ? 'info' : 'error',
    code: 'TABLE_TOTAL_MISMATCH',
    message: `表${table.table}合计：报告所述 ${f(total)}，各行之和为 ${f(sum)}，相差 ${f(difference)}${rounding ? `，在舍入容差（${detail.rows.length} 项 × 0.005）以内，属舍入差异` : ''}。`,
    path: ['tables', table.table - 1],
    figures: {
      declared: formatAmount(total, unit),
      computed: formatAmount(sum, unit),
      difference: formatAmount(difference, unit),
    },
  });
}
