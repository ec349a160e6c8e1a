import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  TextRun,
  type Table,
} from 'docx';
import { CHART_HEIGHT, CHART_WIDTH } from '../charts/render-svg.js';
import type { Block, ChartSpec, ReportModel, ReportSection } from '../model/types.js';
import { cachedChartPng } from './chart-cache.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';
import { annexHeading, coverLines, isFormDocument, titleLines } from './cover.js';
import {
  bodyParagraphXml,
  annexLabelXml,
  headingXml,
  PAGE_BREAK_XML,
  styledParagraphXml,
  tableXml,
  titleXml,
} from './docx-body-xml.js';
import { Marker, replaceMarkers } from './docx-markers.js';
import { compileDocx, zipDocx, type DocxFiles } from './docx-package.js';
import { DOCX_STYLES, LINE_PITCH, mm, SIZE } from './docx-styles.js';

/**
 * A4 in twips (1/1440 inch) with GB/T 9704-2012's margins: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so 26 mm right
 * and 35 mm bottom); the page number's line 7 mm below the type area. 22 lines of 28 characters a page.
 */
const A4 = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };
const GRID = { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: 0 };

/** A chart as an SVG picture with a PNG fallback (older Word, WPS, LibreOffice), 15.5 cm wide. */
export function chartParagraph(chart: ChartSpec, charts: ChartImages): Paragraph {
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

/** A block's XML, or for a chart docx's paragraph (its picture parts are docx's). */
function blockPart(block: Block, charts: ChartImages, textWidth: number): BodyPart[] {
  switch (block.kind) {
    case 'heading':
      return [headingXml(block.level, block.text)];
    case 'paragraph':
      return [bodyParagraphXml(block.text)];
    case 'table': {
      const { caption, note } = block.table;
      return [
        ...(caption === undefined ? [] : [styledParagraphXml('Caption', caption)]),
        tableXml(block.table, textWidth),
        ...(note === undefined ? [] : [styledParagraphXml('Note', note)]),
      ];
    }
    case 'chart':
      return [chartParagraph(block.chart, charts)];
  }
}

/** The title, broken between words (20 二号 characters a line), as one paragraph (docx's: the cover's). */
export const titleParagraph = (text: string, spacing: { before?: number; after?: number } = {}) =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    spacing,
    children: titleLines(text, 20).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
  });

/** The cover (封面): title, 报告单位, 所属年度, 报告日期 (docx's own paragraphs: the cover ends its section). */
function cover(model: ReportModel, date: Date): Paragraph[] {
  return [
    titleParagraph(model.title, { before: 3000, after: 3400 }),
    ...coverLines(model, date).map((l) => new Paragraph({ style: 'CoverLine', text: `${l.label}：${l.value}` })),
  ];
}

/** A section's heading: 一级标题, or an annex's 附件N (黑体, top left, on a new page) and its title. */
function sectionHeading(section: ReportSection, annex: boolean): BodyPart[] {
  if (section.heading === '') return annex ? [PAGE_BREAK_XML] : [];
  if (!annex) return [headingXml(1, section.heading)];
  const { label, title: annexTitle } = annexHeading(section.heading);
  return [annexLabelXml(label ?? ''), titleXml(titleLines(annexTitle, 20), { after: 240 })];
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

/** The body in order: XML written by docx-body-xml.ts, and docx's paragraphs for the charts. */
export type BodyPart = string | Paragraph;

/** The text width of the report's pages (A4 less the margins), in twips: tables are sized by it. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** The body of the report's main section: its title, then each section's heading and blocks, then the annexes. */
export function reportBody(model: ReportModel, charts: ChartImages): BodyPart[] {
  const sectionParts = (s: ReportSection, annex: boolean) => [
    ...sectionHeading(s, annex),
    ...s.blocks.flatMap((b) => blockPart(b, charts, TEXT_WIDTH)),
  ];
  return [
    titleXml(titleLines(model.title, 20), { after: LINE_PITCH }),
    ...model.sections.flatMap((s) => sectionParts(s, false)),
    ...model.annexes.flatMap((s) => sectionParts(s, true)),
  ];
}

/** The Word document around a body: cover section (not for a form), page, grid, styles, page-number footers. */
export function reportDocument(model: ReportModel, body: readonly (Paragraph | Table)[], date: Date): Document {
  const page = { size: A4, margin: MARGIN };
  const coverSection = isFormDocument(model)
    ? []
    : [{ properties: { page, grid: GRID }, children: cover(model, date) }];
  return new Document({
    title: model.title,
    creator: '绩效自评',
    styles: DOCX_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      ...coverSection,
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } }, grid: GRID },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [...body],
      },
    ],
  });
}

/**
 * The package's files (path → content) of a body: each run of written XML stands in docx's document as a bare
 * marker paragraph (every paragraph of a report has properties, a marker none), replaced in document.xml after.
 */
export function reportDocxFiles(model: ReportModel, body: readonly BodyPart[], date: Date): DocxFiles {
  const runs: string[] = [];
  const children: Paragraph[] = [];
  for (const part of body) {
    if (typeof part !== 'string') children.push(part);
    else if (children.at(-1) instanceof Marker) runs[runs.length - 1] += part;
    else {
      children.push(new Marker(runs.length));
      runs.push(part);
    }
  }
  return compileDocx(reportDocument(model, children, date), {
    'word/document.xml': (xml) => replaceMarkers(xml, runs),
  });
}

/** The report as a Word document: cover, GB/T 9704 page and fonts, tables with repeating header rows, page numbers. */
// eslint-disable-next-line @typescript-eslint/require-await -- async as every renderer is: a failure rejects
export async function renderDocx(
  model: ReportModel,
  charts: ChartImages = drawCharts(model),
  options: DocxOptions = {},
): Promise<Buffer> {
  return zipDocx(reportDocxFiles(model, reportBody(model, charts), options.date ?? new Date()));
}
