import { createHash } from 'node:crypto';
import { chartPng } from '../charts/raster-chart.js';
import { CHART_WIDTH, chartShapes, type Shape } from '../charts/render-svg.js';
import { svgDocument } from '../charts/svg-document.js';
import type { ChartSpec } from '../model/types.js';

/** One chart drawn: its shapes (the PDF draws them), its SVG, and its PNG once a raster format asked for it. */
type Drawn = { shapes: readonly Shape[]; svg: string; png: Buffer | null };

/** Charts kept per process (or worker): a chart is about 2–15 kB of SVG, its shapes, and 40–70 kB of PNG. */
export const CHART_CACHE_CAPACITY = 64;

/**
 * The PNG fallback's width: the chart's CSS width, 640 px, ≈ 104 dpi at the 15.6 cm it is shown — sharp on screen at
 * 100 % zoom. Only older Word and WPS show it; the SVG is the picture. Drawing and encoding cost by the pixel: with
 * resvg, 1.5 × (960 px) took 2.2 × as long as 1 × (≈ 180 against 80 ms of CPU a department), 2 × a further 2.3 ×.
 */
export const CHART_PNG_WIDTH = CHART_WIDTH;

const cache = new Map<string, Drawn>();

/** What a chart looks like depends only on its spec (kind, title, figures): the key is the spec's SHA-256. */
export function chartKey(spec: ChartSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

/** The entry of `spec`, drawn now when absent; a hit becomes the most recently used, the oldest is forgotten. */
function drawn(spec: ChartSpec): Drawn {
  const key = chartKey(spec);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const shapes = chartShapes(spec);
  const entry: Drawn = { shapes, svg: svgDocument(shapes), png: null };
  cache.set(key, entry);
  if (cache.size > CHART_CACHE_CAPACITY) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return entry;
}

/**
 * 图表缓存: a chart's SVG, drawn once per figure set and shared by every format rendered in this process (DOCX,
 * PDF, HTML, Markdown), so a report in several formats, or the same report downloaded again, draws it once.
 */
export function cachedChartSvg(spec: ChartSpec): string {
  return drawn(spec).svg;
}

/** The chart's shapes, which its SVG is written from: the PDF draws them directly (pdf-chart.ts). */
export function cachedChartShapes(spec: ChartSpec): readonly Shape[] {
  return drawn(spec).shapes;
}

/** The chart's PNG (DOCX's raster fallback), drawn from its shapes once per figure set like its SVG. */
export function cachedChartPng(spec: ChartSpec): Buffer {
  const entry = drawn(spec);
  entry.png ??= chartPng(entry.shapes, CHART_PNG_WIDTH);
  return entry.png;
}

/** Forgets every chart (benchmarks measure a cold render with it). */
export function clearChartCache(): void {
  cache.clear();
}
