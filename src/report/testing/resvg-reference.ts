import { Resvg } from '@resvg/resvg-js';
import type * as fontkit from 'fontkit';
import { chartFont } from '../charts/chart-font.js';

/*
 * The reference rasterizer for tests: a chart SVG drawn by resvg (a prebuilt npm binary), as the DOCX fallback was
 * drawn until raster-chart.ts drew it from the shapes. The text becomes Noto Sans SC outlines first, since resvg
 * would shape each text run against the whole CJK font and needs it on disk.
 */

/**
 * Each glyph's outline as SVG path data, by glyph id: charts repeat the same digits and labels, and fontkit builds
 * the path data anew each time it is asked. Emptied past `GLYPH_PATHS_KEPT` glyphs (about 1 kB each).
 */
const GLYPH_PATHS = new Map<number, string>();
const GLYPH_PATHS_KEPT = 4096;

function glyphPath(glyph: fontkit.Glyph): string {
  let path = GLYPH_PATHS.get(glyph.id);
  if (path === undefined) {
    if (GLYPH_PATHS.size >= GLYPH_PATHS_KEPT) GLYPH_PATHS.clear();
    path = glyph.path.toSVG();
    GLYPH_PATHS.set(glyph.id, path);
  }
  return path;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? whole;
  });
}

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Baseline offset, in ems, for SVG's dominant-baseline (the charts write `central`, as ECharts did). */
function baselineShift(baseline: string | undefined): number {
  switch (baseline ?? 'alphabetic') {
    case 'central':
    case 'middle':
      return 0.38;
    case 'hanging':
    case 'text-before-edge':
      return 0.88;
    case 'text-after-edge':
    case 'ideographic':
      return -0.12;
    default:
      return 0;
  }
}

/** One <text> element as outlines: a group placed where the text was, glyphs scaled from font units (y up). */
function textToGroup(attrs: string, content: string): string {
  const f = chartFont();
  const text = decodeEntities(content);
  const style = attr(attrs, 'style') ?? '';
  const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? '12');
  const scale = size / f.unitsPerEm;
  const glyphs = f.glyphsForString(text);
  const width = glyphs.reduce((w, g) => w + g.advanceWidth, 0) * scale;
  const anchor = attr(attrs, 'text-anchor');
  const x = Number(attr(attrs, 'x') ?? '0') - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const y = Number(attr(attrs, 'y') ?? '0') + baselineShift(attr(attrs, 'dominant-baseline')) * size;
  const fill = attr(attrs, 'fill') ?? '#000';
  const transform = attr(attrs, 'transform') ?? '';
  let advance = 0;
  const paths = glyphs.map((g) => {
    const path = `<path transform="translate(${advance} 0)" d="${glyphPath(g)}"/>`;
    advance += g.advanceWidth;
    return path;
  });
  return `<g transform="${transform} translate(${x} ${y}) scale(${scale} ${-scale})" fill="${fill}">${paths.join('')}</g>`;
}

/**
 * Replaces every <text> of a chart SVG by glyph outlines from Noto Sans SC, so that resvg draws no text itself
 * (it would shape each text run against the whole 10 MB CJK font, ≈ 13 ms a label).
 */
export function svgTextToPaths(svg: string): string {
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (_whole, attrs: string, content: string) =>
    textToGroup(attrs, content),
  );
}

/** A chart SVG's RGBA pixels by resvg, `widthPx` wide on white: the picture raster-chart.ts is compared with. */
export function resvgPixels(svg: string, widthPx: number): { pixels: Buffer; width: number; height: number } {
  const image = new Resvg(svgTextToPaths(svg), {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { loadSystemFonts: false },
  }).render();
  return { pixels: image.pixels, width: image.width, height: image.height };
}

/** A PNG's RGBA pixels as resvg decodes it (drawn at its own size as the one image of an SVG). */
export function decodePng(png: Buffer, width: number, height: number): Buffer {
  const href = `data:image/png;base64,${png.toString('base64')}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}
