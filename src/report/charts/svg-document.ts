import {
  CHART_FONT_FAMILY,
  CHART_HEIGHT,
  CHART_WIDTH,
  DASH,
  RING_STROKE,
  type Drawing,
  type Shape,
} from './svg-parts.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One shape as SVG; a text centred on its y (dominant-baseline central, which raster-text.ts places too). */
function svgShape(s: Shape): string {
  switch (s.shape) {
    case 'rect':
      return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}"${s.radius > 0 ? ` rx="${s.radius}"` : ''} fill="${s.fill}"/>`;
    case 'path': {
      const stroke =
        s.stroke === null
          ? ''
          : ` stroke="${s.stroke}"${s.strokeWidth === 1 ? '' : ` stroke-width="${s.strokeWidth}"`}`;
      return `<path d="${s.d}" fill="${s.fill ?? 'none'}"${stroke}${s.dashed ? ` stroke-dasharray="${DASH.on} ${DASH.off}"` : ''}/>`;
    }
    case 'ring':
      return `<circle cx="${s.x}" cy="${s.y}" r="${s.r}" fill="#fff" stroke="${s.stroke}" stroke-width="${RING_STROKE}"/>`;
    case 'text':
      return (
        `<text x="${s.x}" y="${s.y}" dominant-baseline="central" text-anchor="${s.anchor}" ` +
        `style="font-size:${s.size}px;font-family:${CHART_FONT_FAMILY};" fill="${s.fill}">${escape(s.text)}</text>`
      );
  }
}

/** The drawing's shapes in order, its nesting undone. */
export function shapesOf(drawing: Drawing, out: Shape[] = []): Shape[] {
  for (const part of drawing) {
    if (Array.isArray(part)) shapesOf(part as Drawing, out);
    else out.push(part as Shape);
  }
  return out;
}

/** The whole picture as standalone SVG: a white page of the chart's size holding the shapes. */
export function svgDocument(shapes: readonly Shape[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">` +
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#fff"/>${shapes.map(svgShape).join('')}</svg>`
  );
}
