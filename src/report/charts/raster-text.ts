import type * as fontkit from 'fontkit';
import type { Contour } from './raster-canvas.js';
import type { Anchor } from './svg-parts.js';
import { chartFont } from './chart-font.js';

/** How far a flattened glyph curve may stray, in font units (1,000 an em: 0.014 px at the charts' largest 14 px). */
const TOLERANCE = 1;

/** Each glyph's outline flattened to polygons in font units (y up), by glyph id; emptied past `KEPT` glyphs. */
const OUTLINES = new Map<number, readonly Float64Array[]>();
const KEPT = 4096;

/** A quadratic or cubic Bézier's points after (x0, y0), in as many straight pieces as the tolerance needs. */
function curve(out: number[], x0: number, y0: number, args: readonly number[]): void {
  const cubic = args.length === 6;
  const [c1x, c1y] = [args[0]!, args[1]!];
  const [c2x, c2y] = cubic ? [args[2]!, args[3]!] : [c1x, c1y];
  const [x3, y3] = cubic ? [args[4]!, args[5]!] : [args[2]!, args[3]!];
  const bend = cubic
    ? 0.75 *
      Math.max(Math.hypot(x0 - 2 * c1x + c2x, y0 - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + x3, c1y - 2 * c2y + y3))
    : 0.125 * Math.hypot(x0 - 2 * c1x + x3, y0 - 2 * c1y + y3);
  const count = Math.max(1, Math.ceil(Math.sqrt(bend / TOLERANCE)));
  for (let i = 1; i <= count; i++) {
    const t = i / count;
    const u = 1 - t;
    if (cubic) {
      out.push(
        u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x3,
        u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y3,
      );
    } else {
      out.push(u * u * x0 + 2 * u * t * c1x + t * t * x3, u * u * y0 + 2 * u * t * c1y + t * t * y3);
    }
  }
}

function flatten(glyph: fontkit.Glyph): readonly Float64Array[] {
  const contours: Float64Array[] = [];
  let points: number[] = [];
  const close = () => {
    if (points.length >= 6) contours.push(Float64Array.from(points));
    points = [];
  };
  for (const { command, args } of glyph.path.commands) {
    if (command === 'moveTo') {
      close();
      points.push(args[0]!, args[1]!);
    } else if (command === 'lineTo') {
      points.push(args[0]!, args[1]!);
    } else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      curve(points, points.at(-2) ?? 0, points.at(-1) ?? 0, args);
    } else if (command === 'closePath') {
      close();
    }
  }
  close();
  return contours;
}

function outline(glyph: fontkit.Glyph): readonly Float64Array[] {
  let contours = OUTLINES.get(glyph.id);
  if (contours === undefined) {
    if (OUTLINES.size >= KEPT) OUTLINES.clear();
    contours = flatten(glyph);
    OUTLINES.set(glyph.id, contours);
  }
  return contours;
}

/**
 * One line of chart text as outlines in pixels, placed as the SVG places it (svg-document.ts): anchored at x,
 * centred on y (dominant-baseline central: the baseline 0.38 em below, as resvg-reference.ts put it for resvg).
 */
export function textContours(text: string, x: number, y: number, size: number, anchor: Anchor): Contour[] {
  const font = chartFont();
  const scale = size / font.unitsPerEm;
  const glyphs = font.glyphsForString(text);
  const width = glyphs.reduce((w, g) => w + g.advanceWidth, 0) * scale;
  let left = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const baseline = y + 0.38 * size;
  const outlines = glyphs.map(outline);
  // One buffer for the whole text, each contour a view of it: a typed array of its own per contour (thousands a
  // chart) cost more than placing its points.
  let length = 0;
  for (const contours of outlines) for (const contour of contours) length += contour.length;
  const points = new Float64Array(length);
  const out: Contour[] = [];
  let at = 0;
  glyphs.forEach((glyph, g) => {
    for (const contour of outlines[g]!) {
      for (let i = 0; i < contour.length; i += 2) {
        points[at + i] = left + contour[i]! * scale;
        points[at + i + 1] = baseline - contour[i + 1]! * scale;
      }
      out.push(points.subarray(at, at + contour.length));
      at += contour.length;
    }
    left += glyph.advanceWidth * scale;
  });
  return out;
}
