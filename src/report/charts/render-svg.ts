import * as echarts from 'echarts';
import type { ChartSpec } from '../model/types.js';
import { chartOption } from './chart-options.js';

/** Chart size in CSS pixels (also the SVG's viewBox); renderers scale it to the page width. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;

/** Draws a chart on the server with ECharts (SVG renderer, SSR) and returns standalone SVG markup. */
export function chartToSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(chartOption(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
