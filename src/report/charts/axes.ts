import { CHART_HEIGHT, CHART_WIDTH, INK, line, text, type Drawing, type Shape } from './svg-parts.js';
import { scale, tickLabel, type ValueAxis } from './value-axis.js';

/** The plot area inside the chart (ECharts' `grid`), in pixels from the top left. */
export type Grid = { left: number; right: number; top: number; bottom: number };

/** The grid given as ECharts' margins from each edge of the chart. */
export const gridOf = (left: number, right: number, top: number, bottom: number): Grid => ({
  left,
  right: CHART_WIDTH - right,
  top,
  bottom: CHART_HEIGHT - bottom,
});

/** A value axis along the bottom (horizontal bars): a split line up from each tick, its label 8 px below. */
export function valueAxisBelow(axis: ValueAxis, grid: Grid, name: string): Drawing {
  const x = scale(axis, grid.left, grid.right);
  const parts = axis.ticks.map((tick) => [
    line(x(tick), grid.top, x(tick), grid.bottom, INK.split),
    text(x(tick), grid.bottom + 14, tickLabel(tick), 12, 'middle', INK.axis),
  ]);
  return [parts, text(grid.right + 15, grid.bottom, name, 12, 'start', INK.axis)];
}

/** A value axis up the left side: a split line across from each tick, its label 8 px left of the plot. */
export function valueAxisLeft(axis: ValueAxis, grid: Grid, suffix = ''): Drawing {
  const y = scale(axis, grid.bottom, grid.top);
  return axis.ticks.map((tick) => [
    line(grid.left, y(tick), grid.right, y(tick), INK.split),
    text(grid.left - 8, y(tick), tickLabel(tick, suffix), 12, 'end', INK.axis),
  ]);
}

/** A category axis's line (no ticks: the charts' ECharts version drew none on a category axis). */
export function categoryAxisLine(grid: Grid, down: boolean): Shape {
  return down
    ? line(grid.left, grid.bottom, grid.right, grid.bottom, INK.axis)
    : line(grid.left, grid.top, grid.left, grid.bottom, INK.axis);
}
