import type { ChartSpec } from '../model/types.js';
import { categoryAxisLine, gridOf, valueAxisLeft } from './axes.js';
import { COLORS, INK, legend, polyline, ring, text, title, type Drawing } from './svg-parts.js';
import { scale, valueAxis } from './value-axis.js';

type Progress = Extract<ChartSpec, { kind: 'progress' }>;
type Point = readonly [number, number];

/** Runs of consecutive points: a month without a figure breaks the line (ECharts' connectNulls: false). */
function runs(points: readonly (Point | null)[]): Point[][] {
  const out: Point[][] = [[]];
  for (const point of points) {
    if (point === null) out.push([]);
    else out.at(-1)?.push(point);
  }
  return out.filter((run) => run.length > 0);
}

/** One series: its line (2 px), a ring at each point and each value with a % sign beside it. */
function series(
  points: readonly (Point | null)[],
  values: readonly (number | null)[],
  color: string,
  dashed: boolean,
  right: boolean,
): Drawing {
  const paths = runs(points).map((run) => polyline(run, color, 2, dashed));
  const marks = points.map((point, i) => {
    if (point === null) return [];
    const [x, y] = point;
    const label = `${values[i] ?? ''}%`;
    return [
      ring(x, y, 3, color),
      right ? text(x + 7, y, label, 12, 'start', INK.label) : text(x, y - 12, label, 12, 'middle', INK.label),
    ];
  });
  return [paths, marks];
}

/** 累计支付进度与序时进度: the schedule dashed with its values above, the progress solid with its values right. */
export function drawProgress(spec: Progress): Drawing {
  const grid = gridOf(48, 24, 64, 32);
  const axis = valueAxis(spec.schedule, 100);
  const y = scale(axis, grid.bottom, grid.top);
  const band = (grid.right - grid.left) / Math.max(1, spec.months.length);
  const xOf = (i: number) => grid.left + (i + 0.5) * band;
  const at = (values: readonly (number | null)[]) =>
    values.map((v, i): Point | null => (v === null ? null : [xOf(i), y(v)]));
  const months = spec.months.map((m, i) => text(xOf(i), grid.bottom + 14, `${m}月末`, 12, 'middle', INK.axis));
  const items = [
    { name: '序时进度', color: COLORS[0], marker: 'line' as const, dashed: true },
    { name: '累计支付进度', color: COLORS[1], marker: 'line' as const },
  ];
  return [
    title(spec.title),
    legend(items, 38),
    valueAxisLeft(axis, grid, '%'),
    categoryAxisLine(grid, true),
    months,
    series(at(spec.schedule), spec.schedule, COLORS[0], true, false),
    series(at(spec.progress), spec.progress, COLORS[1], false, true),
  ];
}
