import type { ReportTable } from './types.js';

/** A body cell as a renderer draws it: its text and span, or `covered` by a merged cell above or to its left. */
export type GridCell = { text: string; rowSpan: number; colSpan: number; covered: boolean };

/** One body row (the 合计 row last, flagged `total`), each cell with its merge. */
export type GridRow = { cells: GridCell[]; total: boolean; label: boolean };

/** The body of `table` with its merged cells resolved; the same for every renderer. */
export function tableGrid(table: ReportTable): GridRow[] {
  const rows = table.totalRow === undefined ? table.rows : [...table.rows, table.totalRow];
  const grid: GridRow[] = rows.map((cells, r) => ({
    cells: cells.map((text) => ({ text, rowSpan: 1, colSpan: 1, covered: false })),
    total: table.totalRow !== undefined && r === table.rows.length,
    label: table.labelRows?.includes(r) ?? false,
  }));
  for (const span of table.spans ?? []) {
    const start = grid[span.row]?.cells[span.column];
    if (start === undefined) continue;
    start.rowSpan = span.rowSpan;
    start.colSpan = span.colSpan;
    for (let r = span.row; r < span.row + span.rowSpan; r += 1)
      for (let c = span.column; c < span.column + span.colSpan; c += 1) {
        const cell = grid[r]?.cells[c];
        if (cell !== undefined && cell !== start) cell.covered = true;
      }
  }
  return grid;
}

/** The number of columns: the header's, or the widths' for a table without a header row. */
export function columnCount(table: ReportTable): number {
  return table.header.length > 0 ? table.header.length : table.widths.length;
}
