import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  ImageRun,
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
import type { Block, ChartSpec, ReportModel, ReportSection, ReportTable } from '../model/types.js';
import { cachedChartPng } from './chart-cache.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';
import { annexHeading, coverLines, isFormDocument, titleLines } from './cover.js';
import { packDocx } from './docx-package.js';
import { DOCX_STYLES, FIRST_LINE, LINE_PITCH, mm, SIZE, TABLE_BORDERS } from './docx-styles.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * A4 in twips (1/1440 inch) with GB/T 9704-2012's margins: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so 26 mm right
 * and 35 mm bottom); the page number's line 7 mm below the type area. 22 lines of 28 characters a page.
 */
const A4 = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };
const GRID = { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: 0 };

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
      return [
        new Paragraph({ indent: { firstLine: FIRST_LINE }, alignment: AlignmentType.JUSTIFIED, text: block.text }),
      ];
    case 'table':
      return tableBlocks(block.table);
    case 'chart':
      return [chartParagraph(block.chart, charts)];
  }
}

/** The title, broken between words (20 二号 characters a line), as one paragraph. */
const title = (text: string, spacing: { before?: number; after?: number } = {}) =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    spacing,
    children: titleLines(text, 20).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
  });

/** The cover (封面): title, 报告单位, 所属年度, 报告日期. */
function cover(model: ReportModel, date: Date): Paragraph[] {
  return [
    title(model.title, { before: 3000, after: 3400 }),
    ...coverLines(model, date).map((l) => new Paragraph({ style: 'CoverLine', text: `${l.label}：${l.value}` })),
  ];
}

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

/** 页码 "— 1 —" in 四号 宋体: odd pages right, even pages left, one character in. */
const pageNumberFooter = (alignment: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        style: 'PageNumber',
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: SIZE.sihao * 20 } : { left: SIZE.sihao * 20 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

export type DocxOptions = { date?: Date };

/** The report as a Word document: cover, GB/T 9704 page and fonts, tables with repeating header rows, page numbers. */
export async function renderDocx(
  model: ReportModel,
  charts: ChartImages = drawCharts(model),
  options: DocxOptions = {},
): Promise<Buffer> {
  const children = [
    title(model.title, { after: LINE_PITCH }),
    ...model.sections.flatMap((s) => [
      ...sectionHeading(s, false),
      ...s.blocks.flatMap((b) => blockContent(b, charts)),
    ]),
    ...model.annexes.flatMap((s) => [...sectionHeading(s, true), ...s.blocks.flatMap((b) => blockContent(b, charts))]),
  ];
  const page = { size: A4, margin: MARGIN };
  const coverSection = isFormDocument(model)
    ? []
    : [{ properties: { page, grid: GRID }, children: cover(model, options.date ?? new Date()) }];
  const document = new Document({
    title: model.title,
    creator: '绩效自评',
    styles: DOCX_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      ...coverSection,
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } }, grid: GRID },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return packDocx(document);
}
