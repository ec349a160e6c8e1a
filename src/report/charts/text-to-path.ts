import * as fontkit from 'fontkit';
import { NOTO_SANS_SC_REGULAR } from './fonts.js';

let cachedFont: fontkit.Font | null = null;

function font(): fontkit.Font {
  if (cachedFont === null) {
    const opened = fontkit.openSync(NOTO_SANS_SC_REGULAR);
    const single = 'fonts' in opened ? opened.fonts[0] : opened;
    if (single === undefined) throw new Error(`no font in ${NOTO_SANS_SC_REGULAR}`);
    cachedFont = single;
  }
  return cachedFont;
}

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

/** Advance widths by code point, in font units: the charts lay out their legends and labels by them. */
const ADVANCES = new Map<number, number>();

/** The width of one line of text in the charts' font at `size` px (no kerning: CJK and digits have none here). */
export function textWidth(text: string, size: number): number {
  const f = font();
  let units = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    let advance = ADVANCES.get(codePoint);
    if (advance === undefined) {
      advance = f.glyphForCodePoint(codePoint).advanceWidth;
      ADVANCES.set(codePoint, advance);
    }
    units += advance;
  }
  return (units * size) / f.unitsPerEm;
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
  const f = font();
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
 * Replaces every <text> of a chart SVG by glyph outlines from Noto Sans SC, so that the rasterizer draws
 * no text itself (resvg shapes each text run against the whole 10 MB CJK font, ≈ 13 ms a label; outlines
 * rasterize in a few milliseconds). Used only for raster fallbacks; SVG and PDF keep real, searchable text.
 */
export function svgTextToPaths(svg: string): string {
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (_whole, attrs: string, content: string) =>
    textToGroup(attrs, content),
  );
}
