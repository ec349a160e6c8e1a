import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { columnCount, tableGrid } from '../model/table-grid.js';
import type { ReportTable } from '../model/types.js';
import { HEI, SONG } from './pdf-fonts.js';
import { MOVABLE_BLOCKS } from './pdf-keep.js';
import { BODY_HEIGHT, BODY_WIDTH } from './pdf-page.js';

const CELL_LINE_HEIGHT = 1.15;
/** Left and right cell padding: small, so that a 10-column form's rates and scores fit on one line. */
const CELL_PADDING = 3;

/**
 * Whether every row surely fits on a page: each cell's height estimated from its length (a CJK character is as wide
 * as the font size, so Latin text is overestimated). pdfmake keeps a row whole (`dontBreakRows`) only when asked, and
 * a row taller than a page would then be lost, leaving pages with nothing but the header row.
 */
function rowsFitOnPage(rows: readonly (readonly string[])[], columnWidths: readonly number[], fontSize: number) {
  const rowHeight = (row: readonly string[]) =>
    Math.max(
      ...row.map((text, i) => {
        const perLine = Math.max(1, Math.floor((columnWidths[i] ?? 0) / fontSize));
        return Math.ceil(Math.max(text.length, 1) / perLine) * fontSize * 1.44 * CELL_LINE_HEIGHT;
      }),
    );
  return rows.every((row) => rowHeight(row) < BODY_HEIGHT / 3);
}

/**
 * A table in 宋 (五号, 小五 when wide): narrow tables take 80 % of the type area, centred, wide ones all of it; its
 * caption in 黑 (四号) is kept with the table (`headlineLevel`).
 */
export function tableContent(table: ReportTable): Content[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const wide = columnCount(table) > 4;
  const tableWidth = wide ? BODY_WIDTH : BODY_WIDTH * 0.8;
  const side = (BODY_WIDTH - tableWidth) / 2;
  const fontSize = wide ? 9 : 10.5;
  const widths = table.widths.map((w) => (tableWidth * w) / total - CELL_PADDING * 2 - 1);
  const align = (i: number) => (table.numericColumns.includes(i) ? 'right' : 'left');
  const head: TableCell[] = table.header.map((text) => ({
    text,
    bold: true,
    fillColor: '#f2f2f2',
    alignment: 'center',
  }));
  // pdfmake wants every cell of the grid: a merged cell carries its spans, the cells it covers are empty objects.
  const rows: TableCell[][] = tableGrid(table).map((row) =>
    row.cells.map((c, i): TableCell =>
      c.covered
        ? {}
        : {
            text: c.text,
            bold: row.label || (row.total && i === 0),
            alignment: row.label ? 'center' : align(i),
            ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
            ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
          },
    ),
  );
  const body = head.length > 0 ? [head, ...rows] : rows;
  const out: Content[] = [];
  if (table.caption !== undefined)
    out.push({
      text: table.caption,
      font: HEI,
      fontSize: 14,
      lineHeight: 1.2,
      alignment: 'center',
      headlineLevel: 2,
      margin: [0, 6, 0, 2],
    });
  // Rows of a merged block cannot be kept whole one by one (pdfmake keeps a row span together by itself).
  const keepRows = table.spans === undefined && rowsFitOnPage(table.rows, widths, fontSize);
  out.push({
    table: { headerRows: head.length > 0 ? 1 : 0, dontBreakRows: keepRows, widths, body },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
    },
    font: SONG,
    fontSize,
    lineHeight: CELL_LINE_HEIGHT,
    margin: [side, 4, side, table.note === undefined ? 8 : 2],
  });
  if (table.note !== undefined)
    out.push({ text: table.note, font: SONG, fontSize: 12, lineHeight: 1.3, margin: [side, 0, side, 8] });
  for (const block of out) MOVABLE_BLOCKS.add(block as object);
  return out;
}
