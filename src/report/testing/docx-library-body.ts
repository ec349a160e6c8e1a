import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { tableGrid } from '../model/table-grid.js';
import type { Block, ReportModel, ReportSection, ReportTable } from '../model/types.js';
import type { ChartImages } from '../render/chart-images.js';
import { annexHeading } from '../render/cover.js';
import { chartParagraph, titleParagraph } from '../render/docx.js';
import { FIRST_LINE, LINE_PITCH, TABLE_BORDERS } from '../render/docx-styles.js';

/*
 * The reference for docx-body-xml.ts: a report's body built of docx's objects, as docx.ts built it until 2 December,
 * so that a test can check that the XML written directly is the XML docx writes for them.
 */

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

type DocxCell = { text: string; rowSpan: number; colSpan: number; column: number };

function tableCell(cell: DocxCell, table: ReportTable, style: { heading: boolean; bold: boolean }): TableCell {
  const alignment = style.heading
    ? AlignmentType.CENTER
    : table.numericColumns.includes(cell.column)
      ? AlignmentType.RIGHT
      : AlignmentType.LEFT;
  return new TableCell({
    ...(style.heading && table.header.length > 0 ? { shading: { fill: 'F2F2F2' } } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan, verticalAlign: VerticalAlign.CENTER } : {}),
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    margins: { left: 100, right: 100 },
    children: [
      new Paragraph({
        style: 'TableText',
        alignment,
        children: [new TextRun({ text: cell.text, bold: style.bold })],
      }),
    ],
  });
}

function headerRow(table: ReportTable): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((text, column) =>
      tableCell({ text, rowSpan: 1, colSpan: 1, column }, table, { heading: true, bold: true }),
    ),
  });
}

/** Body rows; a merged cell spans its rows and columns (docx adds the continuation cells of a vertical merge). */
function bodyRows(table: ReportTable): TableRow[] {
  return tableGrid(table).map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.flatMap((c, column) =>
          c.covered
            ? []
            : [
                tableCell({ ...c, column }, table, {
                  heading: row.label,
                  bold: row.label || (row.total && column === 0),
                }),
              ],
        ),
      }),
  );
}

function tableBlocks(table: ReportTable): (Paragraph | Table)[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const rows = [...(table.header.length > 0 ? [headerRow(table)] : []), ...bodyRows(table)];
  const wide = table.spans !== undefined;
  const out: (Paragraph | Table)[] = [];
  if (table.caption !== undefined) out.push(new Paragraph({ style: 'Caption', text: table.caption }));
  out.push(
    new Table({
      width: { size: wide ? 100 : 80, type: WidthType.PERCENTAGE },
      alignment: AlignmentType.CENTER,
      columnWidths: table.widths.map((w) => Math.round(((wide ? 9400 : 7000) * w) / total)),
      borders: TABLE_BORDERS,
      rows,
    }),
  );
  if (table.note !== undefined) out.push(new Paragraph({ style: 'Note', text: table.note }));
  return out;
}

function blockContent(block: Block, charts: ChartImages): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], text: block.text })];
    case 'paragraph':
      return [
        new Paragraph({ indent: { firstLine: FIRST_LINE }, alignment: AlignmentType.JUSTIFIED, text: block.text }),
      ];
    case 'table':
      return tableBlocks(block.table);
    case 'chart':
      return [chartParagraph(block.chart, charts)];
  }
}

const title = titleParagraph;

/** A section's heading: 一级标题, or an annex's 附件N (黑体, top left, on a new page) and its title. */
function sectionHeading(section: ReportSection, annex: boolean): Paragraph[] {
  if (section.heading === '') return annex ? [new Paragraph({ pageBreakBefore: true, children: [] })] : [];
  if (!annex) return [new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading })];
  const { label, title: annexTitle } = annexHeading(section.heading);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      indent: { firstLine: 0 },
      text: label ?? '',
    }),
    title(annexTitle, { after: 240 }),
  ];
}

/** The main section's body as docx objects, in the order of docx.ts's reportBody. */
export function libraryBody(model: ReportModel, charts: ChartImages): (Paragraph | Table)[] {
  return [
    title(model.title, { after: LINE_PITCH }),
    ...model.sections.flatMap((s) => [
      ...sectionHeading(s, false),
      ...s.blocks.flatMap((b) => blockContent(b, charts)),
    ]),
    ...model.annexes.flatMap((s) => [...sectionHeading(s, true), ...s.blocks.flatMap((b) => blockContent(b, charts))]),
  ];
}
