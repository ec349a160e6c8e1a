import { encodeRgbScanlines } from './png-encode.js';
import { parseColor, RasterCanvas, type Contour, type Rgb } from './raster-canvas.js';
import { circleContour, pathPoints, rectContour, strokeContours } from './raster-outlines.js';
import { textContours } from './raster-text.js';
import { CHART_HEIGHT, CHART_WIDTH, RING_STROKE, type Shape } from './svg-parts.js';

const WHITE: Rgb = [255, 255, 255];

/** Colours by their text: a chart names a handful, thousands of times. */
const COLOURS = new Map<string, Rgb>();
function colour(text: string): Rgb {
  let rgb = COLOURS.get(text);
  if (rgb === undefined) {
    rgb = parseColor(text);
    COLOURS.set(text, rgb);
  }
  return rgb;
}

const scaled = (contours: Contour[], factor: number): Contour[] => {
  if (factor !== 1) for (const contour of contours) for (let i = 0; i < contour.length; i++) contour[i]! *= factor;
  return contours;
};

/** One shape painted as svg-document.ts writes it: fill first, then stroke; a ring is a white disc, ringed. */
function paint(canvas: RasterCanvas, s: Shape, factor: number): void {
  switch (s.shape) {
    case 'rect':
      canvas.fill(scaled([rectContour(s.x, s.y, s.width, s.height, s.radius)], factor), colour(s.fill));
      return;
    case 'path': {
      const paths = pathPoints(s.d);
      if (s.fill !== null)
        canvas.fill(
          scaled(
            paths.map((p) => Float64Array.from(p.points)),
            factor,
          ),
          colour(s.fill),
        );
      if (s.stroke === null) return;
      const strokes = paths.flatMap((p) =>
        strokeContours(p.closed ? [...p.points, p.points[0]!, p.points[1]!] : p.points, s.strokeWidth, s.dashed),
      );
      canvas.fill(scaled(strokes, factor), colour(s.stroke));
      return;
    }
    case 'ring':
      canvas.fill(scaled([circleContour(s.x, s.y, s.r)], factor), WHITE);
      canvas.fill(
        scaled(
          [circleContour(s.x, s.y, s.r + RING_STROKE / 2), circleContour(s.x, s.y, s.r - RING_STROKE / 2, true)],
          factor,
        ),
        colour(s.stroke),
      );
      return;
    case 'text':
      canvas.fill(scaled(textContours(s.text, s.x, s.y, s.size, s.anchor), factor), colour(s.fill));
  }
}

/**
 * A chart's PNG (DOCX's raster fallback) drawn straight from its shapes, `widthPx` wide, on white: the same
 * picture as its SVG, anti-aliased by exact pixel coverage. resvg drew it from the SVG before, at about 10 ms a
 * chart, most of it fixed costs by the pixel (raster-chart.test.ts compares the two pictures).
 */
export function chartPng(shapes: readonly Shape[], widthPx: number): Buffer {
  const factor = widthPx / CHART_WIDTH;
  const height = Math.round(CHART_HEIGHT * factor);
  const canvas = new RasterCanvas(widthPx, height, scratchRows((widthPx * 3 + 1) * height));
  for (const shape of shapes) paint(canvas, shape, factor);
  return encodeRgbScanlines(canvas.rows, canvas.width, canvas.height);
}

/**
 * The pixels of the chart being drawn, one buffer for every chart of the same size (a few hundred kB: fresh memory
 * each time cost more to fault in than to paint). Safe because a chart is drawn and encoded at once, synchronously.
 */
let scratch: Buffer | undefined;
function scratchRows(size: number): Buffer {
  if (scratch?.length !== size) scratch = Buffer.allocUnsafe(size);
  return scratch;
}
