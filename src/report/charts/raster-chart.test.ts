import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../domain/figures/compute.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { allCharts } from '../render/chart-images.js';
import { decodePng, resvgPixels } from '../testing/resvg-reference.js';
import { RasterCanvas } from './raster-canvas.js';
import { chartPng } from './raster-chart.js';
import { circleContour, pathPoints, rectContour, strokeContours } from './raster-outlines.js';
import { chartShapes } from './render-svg.js';
import { svgDocument } from './svg-document.js';

/** The canvas's pixel at (x, y) as [r, g, b]. */
const pixel = (canvas: RasterCanvas, x: number, y: number) => {
  const at = y * canvas.stride + 1 + x * 3;
  return [...canvas.rows.subarray(at, at + 3)];
};

/** How much colour the canvas holds in its red channel's darkening, in pixels (a black shape on white). */
const inked = (canvas: RasterCanvas) => {
  let sum = 0;
  for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) sum += 255 - pixel(canvas, x, y)[0]!;
  return sum / 255;
};

describe('the raster canvas', () => {
  it('fills a whole-pixel rectangle exactly and leaves the rest white', () => {
    const canvas = new RasterCanvas(10, 6);
    canvas.fill([rectContour(2, 1, 5, 3, 0)], [194, 53, 49]);
    expect(pixel(canvas, 2, 1)).toEqual([194, 53, 49]);
    expect(pixel(canvas, 6, 3)).toEqual([194, 53, 49]);
    expect(pixel(canvas, 1, 1)).toEqual([255, 255, 255]);
    expect(pixel(canvas, 7, 3)).toEqual([255, 255, 255]);
    expect(pixel(canvas, 2, 4)).toEqual([255, 255, 255]);
    expect(canvas.rows[0]).toBe(0); // each row starts with PNG's filter byte
  });

  it('gives an edge pixel its covered share: half a pixel of black is mid-grey', () => {
    const canvas = new RasterCanvas(4, 2);
    canvas.fill([rectContour(0.5, 0, 2, 2, 0)], [0, 0, 0]);
    expect(pixel(canvas, 0, 0)).toEqual([128, 128, 128]);
    expect(pixel(canvas, 1, 0)).toEqual([0, 0, 0]);
    expect(pixel(canvas, 2, 1)).toEqual([128, 128, 128]);
  });

  it('covers a circle by its area, a ring by the difference, a slanted stroke by its length × width', () => {
    const disc = new RasterCanvas(40, 40);
    disc.fill([circleContour(20, 20, 10)], [0, 0, 0]);
    expect(inked(disc)).toBeCloseTo(Math.PI * 100, -0.5);
    const ring = new RasterCanvas(40, 40);
    ring.fill([circleContour(20, 20, 10), circleContour(20, 20, 8, true)], [0, 0, 0]);
    expect(inked(ring)).toBeCloseTo(Math.PI * 36, -0.5);
    expect(pixel(ring, 20, 20)).toEqual([255, 255, 255]);
    const slant = new RasterCanvas(40, 40);
    slant.fill(strokeContours([5, 5, 35, 25], 2, false), [0, 0, 0]);
    expect(inked(slant)).toBeCloseTo(Math.hypot(30, 20) * 2, -0.5);
  });

  it('covers exactly what is on the canvas of a shape that runs off its left side', () => {
    const canvas = new RasterCanvas(20, 6);
    // A sliver whose shallow edge crosses x = 0 half-way down row 3: on the canvas, the triangle (0, 3), (15, 3),
    // (0, 3.5) of 3.75 pixels
    canvas.fill([Float64Array.of(-15, 3, 15, 3, -15, 4)], [0, 0, 0]);
    expect(inked(canvas)).toBeCloseTo(3.75, 1);
    expect(pixel(canvas, 0, 3)).toEqual([132, 132, 132]); // 0.483 of it covered
  });

  it('draws an absurdly long dashed line solid instead of in millions of dashes', () => {
    expect(strokeContours([0, 0, 1e7, 0], 1, true)).toHaveLength(1);
    expect(strokeContours([0, 0, 1e3, 0], 1, true)).toHaveLength(84);
  });

  it('counts an overlap once (non-zero rule)', () => {
    const canvas = new RasterCanvas(10, 4);
    canvas.fill([rectContour(0, 0, 6, 4, 0), rectContour(3, 0, 6, 4, 0)], [0, 0, 0]);
    expect(inked(canvas)).toBeCloseTo(36, 5);
  });
});

describe('the charts’ path data', () => {
  it('turns a pie slice’s arc into points that end exactly at its end point, on its circle', () => {
    const [slice] = pathPoints('M320 176.8L320 78.2A98.6 98.6 0 0 1 413.78 146.33Z');
    expect(slice!.closed).toBe(true);
    expect(slice!.points.slice(-2)).toEqual([413.78, 146.33]);
    for (let i = 4; i < slice!.points.length; i += 2)
      expect(Math.hypot(slice!.points[i]! - 320, slice!.points[i + 1]! - 176.8)).toBeCloseTo(98.6, 1);
  });

  it('dashes a line 8 on, 4 off', () => {
    const pieces = strokeContours([0, 0, 30, 0], 1, true);
    expect(pieces.map((p) => [p[0], p[2]])).toEqual([
      [0, 8],
      [12, 20],
      [24, 30],
    ]);
  });
});

describe('a chart’s PNG drawn from its shapes', () => {
  it('looks like resvg’s picture of its SVG, for each of the seed’s four charts', async () => {
    const read = await readDatasetFile(fileURLToPath(new URL('../../../examples/yuhua-2020.yaml', import.meta.url)));
    if (!read.ok) throw new Error('cannot read the seed');
    const model = buildReportModel({ dataset: read.dataset, figures: computeFigures(read.dataset) });
    const charts = allCharts(model);
    expect(charts.map((c) => c.kind)).toEqual(['pie', 'bar', 'budget-actual', 'progress']);
    for (const chart of charts) {
      const shapes = chartShapes(chart);
      const png = chartPng(shapes, 640);
      expect(png.readUInt32BE(16)).toBe(640);
      expect(png.readUInt32BE(20)).toBe(340);
      const mine = decodePng(png, 640, 340);
      const reference = resvgPixels(svgDocument(shapes), 640).pixels;
      let difference = 0;
      let far = 0;
      for (let i = 0; i < reference.length; i += 4) {
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(reference[i + c]! - mine[i + c]!);
          difference += d;
          if (d > 32) far++;
        }
      }
      const samples = (reference.length / 4) * 3;
      // Anti-aliased edges differ by a few levels (each rasterizer flattens curves its own way); no shape is missing,
      // moved or of another colour, which would put thousands of samples far apart.
      expect(difference / samples, chart.kind).toBeLessThan(1);
      expect(far / samples, chart.kind).toBeLessThan(0.002);
    }
  });

  it('draws at another width in proportion', () => {
    const shapes = chartShapes({
      kind: 'bar',
      id: 'basic',
      title: '图2 基本支出',
      unit: '万元',
      categories: ['工资福利支出'],
      values: [12.5],
    });
    const png = chartPng(shapes, 320);
    expect(png.readUInt32BE(16)).toBe(320);
    expect(png.readUInt32BE(20)).toBe(170);
  });
});
