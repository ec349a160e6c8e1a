import type { Worksheet } from 'exceljs';
import type { FieldPath } from '../../domain/findings/finding.js';
import { formatPath } from '../../domain/findings/finding.js';
import { readCell } from './cells.js';
import type { TableSpec } from './layout.js';

/** A cell and what its column is called, for messages like `项目!C7：不是有效金额`. */
export type Where = { cell: string; label: string };

/** A problem found while reading cells (before the schema sees the data). */
export type CellProblem = { cell: string; code: string; message: string };

/** What a workbook read collects: cell problems, and where each JSON path of the document came from. */
export type ReadContext = { problems: CellProblem[]; where: Map<string, Where> };

export function newReadContext(): ReadContext {
  return { problems: [], where: new Map() };
}

export function remember(ctx: ReadContext, path: FieldPath, where: Where): void {
  ctx.where.set(formatPath(path), where);
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One filled row of a table sheet: values by column key, already converted by column kind. */
export type TableRow = { row: number; get: (key: string) => unknown; where: (key: string) => Where };

/**
 * Reads the filled rows of a table sheet; columns are found by their header text, so order does not matter.
 * Every template sheet is required: a missing sheet is SHEET_MISSING, never "no rows" (an import replaces the
 * whole dataset, so reading it as empty would wipe its projects or indicators). A present but empty sheet is no rows.
 */
export function readTable(sheet: Worksheet | undefined, spec: TableSpec, ctx: ReadContext): TableRow[] {
  if (sheet === undefined) {
    ctx.problems.push({ cell: spec.name, code: 'SHEET_MISSING', message: `缺少工作表“${spec.name}”` });
    return [];
  }
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => positions.set(String(cell.text).trim(), col));
  const columns = spec.columns.flatMap((c) => {
    const col = positions.get(c.header);
    if (col === undefined)
      ctx.problems.push({ cell: `${spec.name}!1`, code: 'COLUMN_MISSING', message: `缺少列“${c.header}”` });
    return col === undefined ? [] : [{ ...c, col }];
  });
  const rows: TableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = new Map<string, unknown>();
    const where = (key: string): Where => {
      const c = columns.find((x) => x.key === key);
      const label = c?.header ?? spec.columns.find((x) => x.key === key)?.header ?? key;
      return { cell: `${spec.name}!${c === undefined ? '' : columnLetter(c.col)}${rowNumber}`, label };
    };
    for (const c of columns) {
      const read = readCell(row.getCell(c.col).value, c.kind);
      if (read.ok) values.set(c.key, read.value);
      else ctx.problems.push({ cell: where(c.key).cell, code: 'CELL_INVALID', message: read.message });
    }
    const filled = [...values.values()].some((v) => v !== undefined);
    if (filled || columns.some((c) => ctx.problems.some((p) => p.cell === where(c.key).cell))) {
      rows.push({ row: rowNumber, get: (key) => values.get(key), where });
    }
  });
  return rows;
}

/** Sets `value` at `path` in a plain object, creating objects and arrays on the way; undefined values are skipped. */
export function setPath(target: Record<string, unknown>, path: FieldPath, value: unknown): void {
  if (value === undefined) return;
  let node: Record<string | number, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    node[key] ??= typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

/** A value and its cell recorded at `path` (blank cells too: a missing required field points at its cell). */
export function put(ctx: ReadContext, doc: Record<string, unknown>, path: FieldPath, row: TableRow, key: string): void {
  remember(ctx, path, row.where(key));
  setPath(doc, path, row.get(key));
}
