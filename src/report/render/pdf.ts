import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, ReportModel, ReportSection } from '../model/types.js';
import { cachedChartShapes } from './chart-cache.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';
import { annexHeading, coverLines, isFormDocument, titleLines } from './cover.js';
import { HEI, isFontName, kaiRuns, PDF_FONTS, serveFontsFromMemory, SONG } from './pdf-fonts.js';
import { keepWithNext, MOVABLE_BLOCKS, PAGE_NUMBER_STYLE, useWidowFix } from './pdf-keep.js';
import { FOLLOWERS, useKeepAhead } from './pdf-keep-ahead.js';
import { useLinearLineBreaker } from './pdf-line-breaker.js';
import { useDirectCharts } from './pdf-chart.js';
import { useMergedRuns } from './pdf-line-merger.js';
import { usePlacedRuns } from './pdf-line-runs.js';
import { useSharedStyleMeasure } from './pdf-measure.js';
import { useMeasureOnce } from './pdf-measure-memo.js';
import { useRememberedWidths } from './pdf-text-width.js';
import { useDirectStyleLookup } from './pdf-style-lookup.js';
import { useStreamText } from './pdf-stream-text.js';
import { BODY_WIDTH, gridLineHeight, INDENT, LINE_PITCH, MARGINS, PAGE_NUMBER_GAP, SIZE } from './pdf-page.js';
import { tableContent } from './pdf-table.js';

/** pdfmake 0.3's server build is a CommonJS singleton: configured once, on first use. */
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof PdfMake;

/** The body font (宋, standing for 仿宋): see pdf-fonts.ts. */
export const PDF_FONT = SONG;
let configured = false;

function configure(): void {
  if (configured) return;
  serveFontsFromMemory();
  pdfmake.setFonts(PDF_FONTS);
  // A report never fetches anything: no URL, and no file from disk (its fonts are in memory).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isFontName);
  // pdfmake and pdfkit, made fast enough for a thousand reports (each file says how, and what it keeps the same):
  // - lines broken in time linear in a paragraph's length (pdf-line-breaker.ts), each line made of its runs rather
  //   than of copies of its words (pdf-line-runs.ts), drawn one text object per run (pdf-line-merger.ts);
  // - a text's style resolved once, not per character (pdf-measure.ts), looked up without pushing on pdfmake's
  //   style stack (pdf-style-lookup.ts), its widths remembered per font for the process (pdf-text-width.ts);
  // - each text and chart measured once per document however often it is laid out (pdf-measure-memo.ts), the fonts
  //   parsed once per process, their runs found by character code (serveFontsFromMemory, pdf-font-layout.ts);
  // - no last page of a few lines (pdf-keep.ts), and keep-with-next decided as a heading is placed where that is
  //   certain (pdf-keep-ahead.ts), so that the document is seldom laid out again;
  // - charts drawn from their shapes (pdf-chart.ts), a page's operators kept as text until its stream ends
  //   (pdf-stream-text.ts).
  useLinearLineBreaker(true, true);
  usePlacedRuns();
  useSharedStyleMeasure();
  useRememberedWidths();
  useDirectStyleLookup();
  useStreamText();
  useMeasureOnce();
  useMergedRuns();
  useWidowFix();
  useKeepAhead();
  useDirectCharts();
  configured = true;
}

const body = gridLineHeight(SONG, SIZE.sanhao);
const movable = <T extends Content>(content: T): T => {
  MOVABLE_BLOCKS.add(content as object);
  return content;
};

/** 二级标题 in 楷; a character the 楷 font lacks is set in 宋 (on the same line grid). */
const kaiHeading = (text: string): Content =>
  kaiRuns(text).map((run) => ({ text: run.text, font: run.font, lineHeight: gridLineHeight(run.font, SIZE.sanhao) }));

/**
 * The SVG's root element alone, emptied: what pdfmake reads of a chart drawn from its shapes (pdf-chart.ts) is its
 * size, and it parses and writes back the whole SVG twice to find it.
 */
const svgFrame = (svg: string): string =>
  svg.startsWith('<svg') ? `${svg.slice(0, svg.indexOf('>') + 1)}</svg>` : svg;

function blockContent(block: Block, charts: ChartImages): Content[] {
  switch (block.kind) {
    case 'heading':
      return [
        movable(
          block.level === 2
            ? { text: kaiHeading(block.text), leadingIndent: INDENT, headlineLevel: 2 }
            : { text: block.text, bold: true, leadingIndent: INDENT, headlineLevel: 3 },
        ),
      ];
    case 'paragraph':
      return [movable({ text: block.text, leadingIndent: INDENT, alignment: 'justify' })];
    case 'table':
      return tableContent(block.table);
    case 'chart':
      return [
        movable({
          svg: svgFrame(chartSvg(charts, block.chart)),
          chartShapes: cachedChartShapes(block.chart), // drawn directly (pdf-chart.ts); the SVG gives the size
          width: BODY_WIDTH * 0.95,
          alignment: 'center',
          margin: [0, 6],
        } as Content),
      ];
  }
}

/** 二号小标宋-style title lines, broken between words. */
const title = (text: string, margin: [number, number, number, number]): Content => ({
  text: titleLines(text, Math.floor(BODY_WIDTH / SIZE.erhao)).join('\n'),
  style: 'title',
  margin,
});

/** 一级标题 in 黑; an annex (附件另面编排) starts a page with 附件N top left and its title centred. */
function sectionHeading(section: ReportSection, annex: boolean): Content[] {
  if (section.heading === '') return [];
  if (!annex) return [movable({ text: section.heading, style: 'h1', headlineLevel: 1 })];
  const { label, title: annexTitle } = annexHeading(section.heading);
  return [
    ...(label === undefined ? [] : [{ text: label, style: 'h1', leadingIndent: 0 }]),
    title(annexTitle, [0, 0, 0, 14]),
  ];
}

function sectionContent(section: ReportSection, charts: ChartImages, annex: boolean): Content[] {
  const content = [...sectionHeading(section, annex), ...section.blocks.flatMap((b) => blockContent(b, charts))];
  return annex ? [{ stack: withFollowers(content), pageBreak: 'before' }] : content;
}

/** Notes what follows each heading of a stack, for keep-with-next ahead (pdf-keep-ahead.ts). */
function withFollowers(stack: Content[]): Content[] {
  stack.forEach((node, i) => {
    if ((node as { headlineLevel?: number }).headlineLevel === undefined) return;
    const end = stack.findIndex((n, j) => j > i && (n as { headlineLevel?: number }).headlineLevel === undefined);
    if (end !== -1) FOLLOWERS.set(node as object, stack.slice(i + 1, end + 1) as object[]);
  });
  return stack;
}

/** The cover (封面): title, then 报告单位, 所属年度 and 报告日期; no page number. */
function cover(model: ReportModel, date: Date): Content[] {
  return [
    title(model.title, [0, 150, 0, 170]),
    ...coverLines(model, date).map((line): Content => ({
      text: `${line.label}：${line.value}`,
      lineHeight: 1.9,
      margin: [BODY_WIDTH * 0.18, 0, 0, 0],
    })),
    { text: '', pageBreak: 'after' },
  ];
}

/** 页码: "— 1 —" in 四号 宋, 7 mm below the type area, odd pages right and even pages left, one character in. */
function pageNumber(page: number): Content {
  return {
    text: `— ${page} —`,
    style: PAGE_NUMBER_STYLE,
    font: SONG,
    fontSize: SIZE.sihao,
    alignment: page % 2 === 1 ? 'right' : 'left',
    margin: [MARGINS.left + SIZE.sihao, PAGE_NUMBER_GAP, MARGINS.right + SIZE.sihao, 0],
  };
}

export type PdfOptions = { date?: Date };

/** The pdfmake document: GB/T 9704-2012 page, fonts and sizes; cover, body, annexes each on a new page. */
export function documentDefinition(model: ReportModel, charts: ChartImages, options: PdfOptions = {}) {
  const withCover = !isFormDocument(model);
  const firstPage = withCover ? 2 : 1;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
    info: { title: model.title, author: model.department, creator: '绩效自评' },
    defaultStyle: { font: SONG, fontSize: SIZE.sanhao, lineHeight: body },
    styles: {
      title: { font: SONG, bold: true, fontSize: SIZE.erhao, alignment: 'center', lineHeight: 1.05 },
      h1: { font: HEI, leadingIndent: INDENT, lineHeight: gridLineHeight(HEI, SIZE.sanhao) },
    },
    footer: (page: number) => (page < firstPage ? '' : pageNumber(page - firstPage + 1)),
    pageBreakBefore: keepWithNext(),
    content: withFollowers([
      ...(withCover ? cover(model, options.date ?? new Date()) : []),
      title(model.title, [0, 0, 0, 6]),
      { text: model.department, alignment: 'center', margin: [0, 0, 0, LINE_PITCH] },
      ...model.sections.flatMap((s) => sectionContent(s, charts, false)),
      ...model.annexes.flatMap((s) => sectionContent(s, charts, true)),
    ]),
  };
  return definition;
}

/** The report as a PDF (pdfmake 0.3, fonts subset-embedded, SVG charts drawn as vectors with real text). */
export async function renderPdf(
  model: ReportModel,
  charts: ChartImages = drawCharts(model),
  options: PdfOptions = {},
): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(documentDefinition(model, charts, options)).getBuffer();
}
