import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { CHART_HEIGHT, CHART_WIDTH } from '../charts/render-svg.js';
import { tableGrid } from '../model/table-grid.js';
import type { Block, ChartSpec, ReportModel, ReportTable } from '../model/types.js';
import { cachedChartPng } from './chart-cache.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';
import { DOCX_STYLES, TABLE_BORDERS } from './docx-styles.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A4 in twips (1/1440 inch) and the body width left by 2.2 cm side margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1247, left: 1247, right: 1247 };

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
  if (table.caption !== undefined)
    out.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: table.caption, bold: true })] }),
    );
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

/** A chart as an SVG picture with a PNG fallback (older Word, WPS, LibreOffice), 15.5 cm wide. */
function chartParagraph(chart: ChartSpec, charts: ChartImages): Paragraph {
  const svg = chartSvg(charts, chart);
  const width = 590;
  const height = Math.round((width * CHART_HEIGHT) / CHART_WIDTH);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(svg, 'utf8'),
        fallback: { type: 'png', data: cachedChartPng(chart) },
        transformation: { width, height },
        altText: { name: chart.id, title: chart.title, description: chart.title },
      }),
    ],
  });
}

function blockContent(block: Block, charts: ChartImages): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], text: block.text })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 600 }, alignment: AlignmentType.JUSTIFIED, text: block.text })];
    case 'table':
      return tableBlocks(block.table);
    case 'chart':
      return [chartParagraph(block.chart, charts)];
  }
}

/** The report as a Word document: heading styles, bordered tables with repeating header rows, page numbers. */
export async function renderDocx(model: ReportModel, charts: ChartImages = drawCharts(model)): Promise<Buffer> {
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, text: model.department }),
    ...[...model.sections, ...model.annexes].flatMap((section) => [
      ...(section.heading === '' ? [] : [new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading })]),
      ...section.blocks.flatMap((b) => blockContent(b, charts)),
    ]),
  ];
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
  const document = new Document({
    title: model.title,
    creator: 'Jixiao 绩效',
    styles: DOCX_STYLES,
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(document);
}
