import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { NOTO_SANS_SC_BOLD, NOTO_SANS_SC_REGULAR } from '../charts/fonts.js';
import { columnCount, tableGrid } from '../model/table-grid.js';
import type { Block, ReportModel, ReportTable } from '../model/types.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';
import { useLinearLineBreaker } from './pdf-line-breaker.js';
import { useMergedRuns } from './pdf-line-merger.js';
import { useSharedStyleMeasure } from './pdf-measure.js';

/** pdfmake 0.3's server build is a CommonJS singleton: configured once, on first use. */
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof PdfMake;

/** The PDF font: Noto Sans SC from npm (subset-embedded TrueType, so Chinese is real, searchable text). */
export const PDF_FONT = 'Noto Sans SC';
/** The names pdfmake and the charts' SVG text ask pdfkit for; each stands for the bytes of one font file. */
const FONT_NAMES = { regular: 'jixiao:NotoSansSC-Regular.ttf', bold: 'jixiao:NotoSansSC-Bold.ttf' };
const FONT_BYTES = new Map<string, Buffer>();
let configured = false;

type FontDocument = {
  _registeredFonts: Record<string, unknown>;
  registerFont(name: string, src: Buffer): void;
  font: (this: FontDocument, src: unknown, ...rest: unknown[]) => unknown;
};

/**
 * The fonts (10 MB each) are read from disk once per process (or worker); given as paths, pdfkit would read them
 * again for every PDF (≈ 0.2 s a report). Each document registers the font names with the bytes in memory when
 * it first asks for one, so pdfmake's text and the charts' SVG text share one font object per name, as with paths.
 */
function loadFontsOnce(): void {
  FONT_BYTES.set(FONT_NAMES.regular, readFileSync(NOTO_SANS_SC_REGULAR));
  FONT_BYTES.set(FONT_NAMES.bold, readFileSync(NOTO_SANS_SC_BOLD));
  const PdfDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: FontDocument } }).default;
  const pdfkitFont = PdfDocument.prototype.font;
  PdfDocument.prototype.font = function (this: FontDocument, src: unknown, ...rest: unknown[]) {
    const data = typeof src === 'string' ? FONT_BYTES.get(src) : undefined;
    if (typeof src === 'string' && data !== undefined && this._registeredFonts[src] === undefined)
      this.registerFont(src, data);
    return pdfkitFont.call(this, src, ...rest);
  };
}

function configure(): void {
  if (configured) return;
  loadFontsOnce();
  pdfmake.setFonts({
    [PDF_FONT]: {
      normal: FONT_NAMES.regular,
      bold: FONT_NAMES.bold,
      italics: FONT_NAMES.regular,
      bolditalics: FONT_NAMES.bold,
    },
  });
  // A report never fetches anything: no URL, and no file from disk (its fonts are in memory).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_BYTES.has(path));
  // Line breaking linear in the length of a paragraph or word (pdfmake's own is quadratic: pdf-line-breaker.ts), a
  // text's style resolved once rather than per character (pdf-measure.ts), and one PDF text object per run of
  // characters instead of one per character (pdf-line-merger.ts).
  useLinearLineBreaker();
  useSharedStyleMeasure();
  useMergedRuns();
  configured = true;
}

/** A4 body width in points with 62 pt side margins; narrow tables take 80 % of it, centred; wide ones all of it. */
const BODY_WIDTH = 595.28 - 2 * 62;
const INDENT = 22;

/** A4 body height in points (64 pt top and 60 pt bottom margins). */
const BODY_HEIGHT = 841.89 - 64 - 60;
const CELL_LINE_HEIGHT = 1.2;

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
        return Math.ceil(Math.max(text.length, 1) / perLine) * fontSize * CELL_LINE_HEIGHT;
      }),
    );
  return rows.every((row) => rowHeight(row) < BODY_HEIGHT / 3);
}

function tableContent(table: ReportTable): Content[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const wide = columnCount(table) > 4;
  const tableWidth = wide ? BODY_WIDTH : BODY_WIDTH * 0.8;
  const side = (BODY_WIDTH - tableWidth) / 2;
  const fontSize = wide ? 9 : 10;
  const widths = table.widths.map((w) => (tableWidth * w) / total - 10);
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
    out.push({ text: table.caption, bold: true, alignment: 'center', margin: [0, 6, 0, 2] });
  // Rows of a merged block cannot be kept whole one by one (pdfmake keeps a row span together by itself).
  const keepRows = table.spans === undefined && rowsFitOnPage(table.rows, widths, fontSize);
  out.push({
    table: { headerRows: head.length > 0 ? 1 : 0, dontBreakRows: keepRows, widths, body },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    fontSize,
    lineHeight: CELL_LINE_HEIGHT,
    margin: [side, 4, side, table.note === undefined ? 8 : 2],
  });
  if (table.note !== undefined) out.push({ text: table.note, fontSize: 9.5, margin: [side, 0, side, 8] });
  return out;
}

function blockContent(block: Block, charts: ChartImages): Content[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, style: block.level === 2 ? 'h2' : 'h3', leadingIndent: INDENT }];
    case 'paragraph':
      return [{ text: block.text, leadingIndent: INDENT, alignment: 'justify', margin: [0, 0, 0, 2] }];
    case 'table':
      return tableContent(block.table);
    case 'chart':
      return [{ svg: chartSvg(charts, block.chart), width: 450, alignment: 'center', margin: [0, 6, 0, 6] }];
  }
}

function documentDefinition(model: ReportModel, charts: ChartImages): TDocumentDefinitions {
  const sections = [...model.sections, ...model.annexes].flatMap((s): Content[] => [
    ...(s.heading === '' ? [] : [{ text: s.heading, style: 'h1' }]),
    ...s.blocks.flatMap((b) => blockContent(b, charts)),
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [62, 64, 62, 60],
    info: { title: model.title, author: model.department, creator: 'Jixiao 绩效' },
    defaultStyle: { font: PDF_FONT, fontSize: 11, lineHeight: 1.55 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', lineHeight: 1.4 },
      h1: { fontSize: 13.5, bold: true, margin: [0, 10, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 6, 0, 2] },
      h3: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
    },
    footer: (currentPage) => ({ text: `— ${currentPage} —`, alignment: 'center', fontSize: 9, margin: [0, 24, 0, 0] }),
    content: [
      { text: model.title, style: 'title', margin: [0, 24, 0, 8] },
      { text: model.department, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 24] },
      ...sections,
    ],
  };
}

/** The report as a PDF (pdfmake 0.3, Noto Sans SC embedded, SVG charts drawn as vectors with real text). */
export async function renderPdf(model: ReportModel, charts: ChartImages = drawCharts(model)): Promise<Buffer> {
  configure();
  const definition = documentDefinition(model, charts);
  return pdfmake.createPdf(definition).getBuffer();
}
