import { tableGrid } from '../model/table-grid.js';
import type { ReportTable } from '../model/types.js';
import { FIRST_LINE } from './docx-styles.js';

/*
 * The body of a report's document.xml (headings, paragraphs, tables) written as text, byte for byte as the docx
 * library writes it for the objects docx.ts used to build (docx-body-xml.test.ts compares the two on the seed and
 * other reports): building and formatting those objects took about half of a DOCX's time in bulk. The cover, the
 * charts (with their media parts), sections, styles and footers stay docx's.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Text as docx escapes it: the five XML entities, and the control characters XML cannot hold dropped. */
// eslint-disable-next-line no-control-regex -- the control characters are what is dropped
const escapeXml = (text: string) => text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
const NOT_BOLD = '<w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr>';

/** A run of text (docx's TextRun), bold, not bold, or as the style says (undefined). */
function run(text: string, bold?: boolean, lineBreak = false): string {
  const properties = bold === undefined ? '' : bold ? BOLD : NOT_BOLD;
  return `<w:r>${properties}${lineBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph of one text (docx's Paragraph with `text`: no run at all for an empty one). */
const paragraph = (properties: string, text: string) =>
  `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${text === '' ? '' : run(text)}</w:p>`;

const style = (id: string) => `<w:pStyle w:val="${id}"/>`;

/** 一级 to 三级标题. */
export const headingXml = (level: 1 | 2 | 3, text: string) => paragraph(style(`Heading${level}`), text);

/** A body paragraph: first line indented two characters, justified. */
export const bodyParagraphXml = (text: string) =>
  paragraph(`<w:ind w:firstLine="${FIRST_LINE}"/><w:jc w:val="both"/>`, text);

/** A paragraph in a named paragraph style (Caption, Note). */
export const styledParagraphXml = (styleId: string, text: string) => paragraph(style(styleId), text);

/** An annex's 附件N line: 一级标题 on a new page, not indented. */
export const annexLabelXml = (text: string) =>
  paragraph(`${style('Heading1')}<w:pageBreakBefore/><w:ind w:firstLine="0"/>`, text);

/** An empty paragraph that starts a new page (an annex without a heading). */
export const PAGE_BREAK_XML = '<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>';

/** The title (Title style) in its lines, one run each, a line break before all but the first. */
export function titleXml(lines: readonly string[], spacing: { before?: number; after?: number }): string {
  const space =
    spacing.after === undefined && spacing.before === undefined
      ? ''
      : `<w:spacing${spacing.after === undefined ? '' : ` w:after="${spacing.after}"`}${spacing.before === undefined ? '' : ` w:before="${spacing.before}"`}/>`;
  return `<w:p><w:pPr>${style('Title')}${space}</w:pPr>${lines.map((line, i) => run(line, undefined, i > 0)).join('')}</w:p>`;
}

/** A table cell as docx.ts described it to docx, or the continuation docx adds below a vertically merged one. */
type Cell = {
  text: string | null;
  alignment: 'center' | 'right' | 'left';
  bold: boolean;
  shaded: boolean;
  rowSpan: number;
  colSpan: number;
  continues: boolean;
};

const MARGINS = '<w:tcMar><w:left w:type="dxa" w:w="100"/><w:right w:type="dxa" w:w="100"/></w:tcMar>';

function cellXml(cell: Cell, width: number | null): string {
  const merge = cell.continues ? 'continue' : cell.rowSpan > 1 ? 'restart' : null;
  const properties =
    (width === null ? '' : `<w:tcW w:type="dxa" w:w="${width}"/>`) +
    (cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '') +
    (merge === null ? '' : `<w:vMerge w:val="${merge}"/>`) +
    (cell.shaded ? '<w:shd w:fill="F2F2F2" w:val="clear"/>' : '') +
    MARGINS +
    (cell.rowSpan > 1 || cell.continues ? '<w:vAlign w:val="center"/>' : '');
  const content =
    cell.text === null
      ? `<w:p><w:pPr><w:jc w:val="${cell.alignment}"/></w:pPr></w:p>`
      : `<w:p><w:pPr>${style('TableText')}<w:jc w:val="${cell.alignment}"/></w:pPr>${run(cell.text, cell.bold)}</w:p>`;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;
}

/** Inserts `cell` where docx's TableRow.addCellToColumnIndex does: before the cell that reaches `column`, or last. */
function insertAtColumn(cells: Cell[], cell: Cell, column: number): void {
  let reached = 0;
  let i = 0;
  while (reached <= column) {
    if (i >= cells.length) {
      cells.push(cell);
      return;
    }
    reached += cells[i]!.colSpan;
    i += 1;
  }
  cells.splice(i - 1, 0, cell);
}

/** docx's continuation cells: below each cell spanning rows, one spanning a row fewer, row after row. */
function addContinuations(rows: Cell[][]): void {
  rows.forEach((row, r) => {
    if (r === rows.length - 1) return;
    let column = 0;
    for (const cell of [...row]) {
      if (cell.rowSpan > 1)
        insertAtColumn(rows[r + 1]!, { ...cell, text: null, rowSpan: cell.rowSpan - 1, continues: true }, column);
      column += cell.colSpan;
    }
  });
}

function cellsOf(table: ReportTable): { rows: Cell[][]; header: boolean } {
  const alignment = (column: number, heading: boolean) =>
    heading ? 'center' : table.numericColumns.includes(column) ? 'right' : 'left';
  const header = table.header.length > 0;
  const headerCells = table.header.map((text): Cell => ({
    text,
    alignment: 'center',
    bold: true,
    shaded: true,
    rowSpan: 1,
    colSpan: 1,
    continues: false,
  }));
  const body = tableGrid(table).map((row) =>
    row.cells.flatMap((c, column): Cell[] =>
      c.covered
        ? []
        : [
            {
              text: c.text,
              alignment: alignment(column, row.label),
              bold: row.label || (row.total && column === 0),
              shaded: row.label && header,
              // docx.ts gave docx a span only when it was more than 1
              rowSpan: c.rowSpan > 1 ? c.rowSpan : 1,
              colSpan: c.colSpan > 1 ? c.colSpan : 1,
              continues: false,
            },
          ],
    ),
  );
  return { rows: header ? [headerCells, ...body] : body, header };
}

/** The table borders: single black lines of half a point all round and inside. */
const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`)
    .join('') +
  '</w:tblBorders>';

/**
 * A table: 80 % of the text width (100 % for a form with merged cells), centred, its grid columns the given widths,
 * each cell as wide as the columns it spans scaled to the table's width (docx's Table.setCellWidths), a header row
 * repeated on each page, no row split across pages.
 */
export function tableXml(table: ReportTable, textWidth: number): string {
  const total = table.widths.reduce((a, b) => a + b, 0);
  // docx refused such a table (a NaN width); Word would refuse the file
  if (!(total > 0) || table.widths.some((w) => !Number.isFinite(w)))
    throw new RangeError(`table column widths must be positive: ${table.widths.join(', ')}`);
  const wide = table.spans !== undefined;
  const percent = wide ? 100 : 80;
  const columnWidths = table.widths.map((w) => Math.round(((wide ? 9400 : 7000) * w) / total));
  const gridTotal = columnWidths.reduce((sum, w) => sum + w, 0);
  const tableWidth = (percent / 100) * textWidth;
  const scale = gridTotal > 0 && tableWidth > gridTotal ? tableWidth / gridTotal : 1;
  const { rows, header } = cellsOf(table);
  addContinuations(rows);
  const rowsXml = rows.map((cells, r) => {
    if (cells.length === 0) return '';
    let column = 0;
    const cellsXml = cells.map((cell) => {
      const spanned = columnWidths.slice(column, column + cell.colSpan);
      const width = Math.round(spanned.reduce((sum, w) => sum + w, 0) * scale);
      column += cell.colSpan;
      return cellXml(cell, spanned.length === cell.colSpan && width > 0 ? width : null);
    });
    return `<w:tr><w:trPr><w:cantSplit/>${header && r === 0 ? '<w:tblHeader/>' : ''}</w:trPr>${cellsXml.join('')}</w:tr>`;
  });
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="${percent * 50}"/><w:jc w:val="center"/>${BORDERS}</w:tblPr>` +
    `<w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rowsXml.join('')}</w:tbl>`
  );
}
