import { textWidth } from './chart-font.js';

/** Chart size in CSS pixels (also the SVG's viewBox); renderers scale it to the page width. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;

/** CJK-capable font families, first the one Jixiao ships (npm @expo-google-fonts/noto-sans-sc) and embeds in PDFs. */
export const CHART_FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** The series colours and the greys of the ECharts theme the charts were first drawn with, so they look the same. */
export const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83'] as const;
export const INK = { title: '#464646', label: '#333', axis: '#6E7079', split: '#E0E6F1' } as const;

/** A coordinate rounded to 1/100 px: the SVG stays short and the same on every run. */
export const px = (value: number) => Math.round(value * 100) / 100;

export type Anchor = 'start' | 'middle' | 'end';

/** A dashed line's pattern in the chart's pixels (SVG's stroke-dasharray): 8 drawn, 4 left out. */
export const DASH = { on: 8, off: 4 } as const;

/** The width of a ring's line (a line series' point), in the chart's pixels. */
export const RING_STROKE = 2;

/**
 * What a chart is drawn of, in the chart's pixels: written out as SVG (svg-document.ts) and drawn straight onto a PDF
 * page (render/pdf-chart.ts), so that the PDF does not parse the SVG back. A text is one line centred on `y`.
 */
export type Shape =
  | { shape: 'rect'; x: number; y: number; width: number; height: number; fill: string; radius: number }
  | { shape: 'path'; d: string; fill: string | null; stroke: string | null; strokeWidth: number; dashed: boolean }
  | { shape: 'ring'; x: number; y: number; r: number; stroke: string }
  | { shape: 'text'; x: number; y: number; text: string; size: number; anchor: Anchor; fill: string };

/** Shapes in drawing order, nested as the parts of a chart put them together. */
export type Drawing = readonly (Shape | Drawing)[];

export const text = (x: number, y: number, content: string, size: number, anchor: Anchor, fill: string): Shape => ({
  shape: 'text',
  x: px(x),
  y: px(y),
  text: content,
  size,
  anchor,
  fill,
});

/** Several lines of text, the first centred on `y`, each `size + 2` px below the one before. */
export const lines = (x: number, y: number, content: readonly string[], size: number, anchor: Anchor): Shape[] =>
  content.map((line, i) => text(x, y + i * (size + 2), line, size, anchor, INK.label));

export const rect = (x: number, y: number, width: number, height: number, fill: string, radius = 0): Shape => ({
  shape: 'rect',
  x: px(x),
  y: px(y),
  width: px(width),
  height: px(height),
  fill,
  radius,
});

/** A filled outline given as SVG path data (a pie's slice). */
export const area = (d: string, fill: string): Shape => ({
  shape: 'path',
  d,
  fill,
  stroke: null,
  strokeWidth: 1,
  dashed: false,
});

export const polyline = (
  points: readonly (readonly [number, number])[],
  stroke: string,
  strokeWidth = 1,
  dashed = false,
): Shape => ({
  shape: 'path',
  d: points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join(''),
  fill: null,
  stroke,
  strokeWidth,
  dashed,
});

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string): Shape =>
  polyline(
    [
      [x1, y1],
      [x2, y2],
    ],
    stroke,
  );

/** A line series' point: a white disc ringed in 2 px of the series' colour. */
export const ring = (x: number, y: number, r: number, stroke: string): Shape => ({
  shape: 'ring',
  x: px(x),
  y: px(y),
  r,
  stroke,
});

/** The chart's title, centred at the top in 14 px. */
export const title = (content: string) => text(CHART_WIDTH / 2, 16, content, 14, 'middle', INK.title);

/** A legend item's marker: a filled box for bars and slices, a line through a ring for a line series. */
export type LegendItem = { name: string; color: string; marker: 'box' | 'line'; dashed?: boolean };

/** The legend, one row centred on the chart at `y` (ECharts' sizes: 25 × 14 markers, 5 px to the name, 10 between). */
export function legend(items: readonly LegendItem[], y: number): Drawing {
  const widths = items.map((item) => 25 + 5 + textWidth(item.name, 12));
  let x = (CHART_WIDTH - widths.reduce((a, b) => a + b, 0) - 10 * (items.length - 1)) / 2;
  return items.map((item, i) => {
    const marker =
      item.marker === 'box'
        ? [rect(x, y - 7, 25, 14, item.color, 4)]
        : [
            polyline(
              [
                [x, y],
                [x + 25, y],
              ],
              item.color,
              2,
              item.dashed === true,
            ),
            ring(x + 12.5, y, 5, item.color),
          ];
    const out = [...marker, text(x + 30, y, item.name, 12, 'start', INK.label)];
    x += (widths[i] ?? 0) + 10;
    return out;
  });
}
