import { createRequire } from 'node:module';
import { CHART_WIDTH, DASH, RING_STROKE, type Shape } from '../charts/render-svg.js';
import { HEI } from './pdf-fonts.js';

/** The parts of pdfkit's document (as pdfmake's PDFDocument extends it) that draw a chart. */
type Doc = {
  x: number;
  y: number;
  save(): Doc;
  restore(): Doc;
  translate(x: number, y: number): Doc;
  scale(factor: number): Doc;
  rect(x: number, y: number, width: number, height: number): Doc;
  roundedRect(x: number, y: number, width: number, height: number, radius: number): Doc;
  path(d: string): Doc;
  circle(x: number, y: number, r: number): Doc;
  fill(color: string): Doc;
  stroke(color: string): Doc;
  fillAndStroke(fill: string, stroke: string): Doc;
  lineWidth(width: number): Doc;
  dash(length: number, options: { space: number }): Doc;
  undash(): Doc;
  font(src: string): Doc;
  fontSize(size: number): Doc;
  fillColor(color: string): Doc;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: { lineBreak: false; baseline: 'svg-central' }): Doc;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
};

/** pdfmake's SVG node as its renderer gets it, with the chart's shapes when pdf.ts gave them. */
type SvgItem = { x: number; y: number; _width: number; chartShapes?: readonly Shape[] };
type RenderSvg = (this: { pdfDocument: Doc }, item: SvgItem) => void;

const require = createRequire(import.meta.url);
const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderSVG: unknown } } }).default;
const pdfmakeRenderSvg = Renderer.prototype.renderSVG as RenderSvg;

function drawText(doc: Doc, s: Extract<Shape, { shape: 'text' }>, font: string): void {
  doc.font(font).fontSize(s.size).fillColor(s.fill);
  const width = s.anchor === 'start' ? 0 : doc.widthOfString(s.text);
  const x = s.anchor === 'middle' ? s.x - width / 2 : s.anchor === 'end' ? s.x - width : s.x;
  doc.text(s.text, x, s.y, { lineBreak: false, baseline: 'svg-central' });
}

function drawShape(doc: Doc, s: Shape, font: string): void {
  switch (s.shape) {
    case 'rect':
      (s.radius > 0
        ? doc.roundedRect(s.x, s.y, s.width, s.height, s.radius)
        : doc.rect(s.x, s.y, s.width, s.height)
      ).fill(s.fill);
      return;
    case 'path':
      doc.path(s.d);
      if (s.fill !== null) doc.fill(s.fill);
      if (s.stroke === null) return;
      doc.lineWidth(s.strokeWidth);
      if (s.dashed) doc.dash(DASH.on, { space: DASH.off });
      doc.stroke(s.stroke);
      if (s.dashed) doc.undash();
      return;
    case 'ring':
      doc.circle(s.x, s.y, s.r).lineWidth(RING_STROKE).fillAndStroke('#fff', s.stroke);
      return;
    case 'text':
      drawText(doc, s, font);
  }
}

/**
 * A chart drawn on the page from its shapes (the same ones its SVG is written from), scaled from the chart's pixels
 * to the node's width, its text in 黑 (Noto Sans SC) as real text: svg-to-pdfkit, which pdfmake draws an SVG with,
 * parsed each chart's SVG back for every PDF (≈ 30 ms of CPU a report). Any other SVG is pdfmake's.
 */
function renderChart(this: { pdfDocument: Doc }, item: SvgItem): void {
  const shapes = item.chartShapes;
  if (shapes === undefined) return pdfmakeRenderSvg.call(this, item);
  const doc = this.pdfDocument;
  const font = doc.getFontFile(HEI, false, false);
  if (font === null) throw new Error(`no ${HEI} font for the charts`);
  const { x, y } = doc; // pdfkit's text moves its cursor; pdfmake places everything itself, but keep it as it was
  doc
    .save()
    .translate(item.x, item.y)
    .scale(item._width / CHART_WIDTH);
  for (const shape of shapes) drawShape(doc, shape, font);
  doc.restore();
  doc.x = x;
  doc.y = y;
}

/** Charts given with their shapes are drawn directly (pdf.ts). */
export function useDirectCharts(): void {
  Renderer.prototype.renderSVG = renderChart;
}
