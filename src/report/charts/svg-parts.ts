import { textWidth } from './text-to-path.js';

/** Chart size in CSS pixels (also the SVG's viewBox); renderers scale it to the page width. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;

/** CJK-capable font families, first the one Jixiao ships (npm @expo-google-fonts/noto-sans-sc) and embeds in PDFs. */
export const CHART_FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** The series colours and the greys of the ECharts theme the charts were first drawn with, so they look the same. */
export const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83'] as const;
export const INK = { title: '#464646', label: '#333', axis: '#6E7079', split: '#E0E6F1' } as const;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n = (value: number) => String(Math.round(value * 100) / 100);

export type Anchor = 'start' | 'middle' | 'end';

/**
 * One line of text centred on `y` (dominant-baseline central, as ECharts wrote it, which text-to-path.ts and the
 * PDF's SVG reader both place).
 */
export function text(x: number, y: number, content: string, size: number, anchor: Anchor, fill: string): string {
  return (
    `<text x="${n(x)}" y="${n(y)}" dominant-baseline="central" text-anchor="${anchor}" ` +
    `style="font-size:${size}px;font-family:${CHART_FONT_FAMILY};" fill="${fill}">${escape(content)}</text>`
  );
}

/** Several lines of text, the first centred on `y`, each `lineHeight` below the one before. */
export function lines(x: number, y: number, content: readonly string[], size: number, anchor: Anchor): string {
  return content.map((line, i) => text(x, y + i * (size + 2), line, size, anchor, INK.label)).join('');
}

export const rect = (x: number, y: number, width: number, height: number, fill: string, radius = 0) =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"${radius > 0 ? ` rx="${radius}"` : ''} fill="${fill}"/>`;

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string) =>
  `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}" fill="none" stroke="${stroke}"/>`;

export const polyline = (points: readonly (readonly [number, number])[], stroke: string, extra = '') =>
  `<path d="${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)} ${n(y)}`).join('')}" fill="none" stroke="${stroke}"${extra}/>`;

export const circle = (x: number, y: number, r: number, stroke: string) =>
  `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="#fff" stroke="${stroke}" stroke-width="2"/>`;

/** The chart's title, centred at the top in 14 px. */
export const title = (content: string) => text(CHART_WIDTH / 2, 16, content, 14, 'middle', INK.title);

/** A legend item's marker: a filled box for bars and slices, a line through a ring for a line series. */
export type LegendItem = { name: string; color: string; marker: 'box' | 'line'; dashed?: boolean };

/** The legend, one row centred on the chart at `y` (ECharts' sizes: 25 × 14 markers, 5 px to the name, 10 between). */
export function legend(items: readonly LegendItem[], y: number): string {
  const widths = items.map((item) => 25 + 5 + textWidth(item.name, 12));
  let x = (CHART_WIDTH - widths.reduce((a, b) => a + b, 0) - 10 * (items.length - 1)) / 2;
  return items
    .map((item, i) => {
      const marker =
        item.marker === 'box'
          ? rect(x, y - 7, 25, 14, item.color, 4)
          : polyline(
              [
                [x, y],
                [x + 25, y],
              ],
              item.color,
              ` stroke-width="2"${item.dashed === true ? ' stroke-dasharray="8 4"' : ''}`,
            ) + circle(x + 12.5, y, 5, item.color);
      const out = marker + text(x + 30, y, item.name, 12, 'start', INK.label);
      x += (widths[i] ?? 0) + 10;
      return out;
    })
    .join('');
}

/** The whole picture: a white page of the chart's size holding `body`. */
export const svgDocument = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">` +
  `${rect(0, 0, CHART_WIDTH, CHART_HEIGHT, '#fff')}${body}</svg>`;
