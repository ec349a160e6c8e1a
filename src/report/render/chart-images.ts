import type { ChartSpec, ReportModel } from '../model/types.js';
import { cachedChartSvg } from './chart-cache.js';

/** Each chart of a report drawn once as SVG, keyed by chart id, so that `--all` does not draw it four times. */
export type ChartImages = ReadonlyMap<string, string>;

export function allCharts(model: ReportModel): ChartSpec[] {
  return [...model.sections, ...model.annexes].flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])),
  );
}

/** The report's charts, from the process's chart cache (drawn only for a figure set not seen lately). */
export function drawCharts(model: ReportModel): ChartImages {
  return new Map(allCharts(model).map((chart) => [chart.id, cachedChartSvg(chart)]));
}

export function chartSvg(images: ChartImages, chart: ChartSpec): string {
  return images.get(chart.id) ?? cachedChartSvg(chart);
}
