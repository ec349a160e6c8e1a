import type { ChartSpec } from '../model/types.js';
import { categoryAxisLine, gridOf, valueAxisBelow, valueAxisLeft } from './axes.js';
import { COLORS, INK, legend, lines, rect, text, title, type Drawing } from './svg-parts.js';
import { scale, valueAxis } from './value-axis.js';

type Bar = Extract<ChartSpec, { kind: 'bar' }>;
type BudgetActual = Extract<ChartSpec, { kind: 'budget-actual' }>;

/** A bar between two positions on the value axis, whichever way round (a negative value). */
const span = (a: number, b: number) => [Math.min(a, b), Math.abs(a - b)] as const;

/** 基本支出按经济分类: one horizontal bar a class, the first at the top, half its band thick, its value at its end. */
export function drawBar(spec: Bar): Drawing {
  const grid = gridOf(150, 70, 40, 24);
  const axis = valueAxis(spec.values);
  const x = scale(axis, grid.left, grid.right);
  const band = (grid.bottom - grid.top) / Math.max(1, spec.categories.length);
  const bars = spec.values.map((value, i) => {
    const middle = grid.top + (i + 0.5) * band;
    const [from, width] = span(x(0), x(value));
    const end = value >= 0 ? x(value) + 5 : x(value) - 5;
    return [
      rect(from, middle - band / 4, width, band / 2, COLORS[0]),
      text(end, middle, String(value), 12, value >= 0 ? 'start' : 'end', INK.label),
    ];
  });
  const names = spec.categories.map((name, i) =>
    text(grid.left - 8, grid.top + (i + 0.5) * band, name, 12, 'end', INK.axis),
  );
  return [title(spec.title), valueAxisBelow(axis, grid, spec.unit), categoryAxisLine(grid, false), bars, names];
}

/** Long Chinese project names wrap every `width` characters under their bars. */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/**
 * 项目预算与实际支出: two bars a project (ECharts' default widths: the pair takes 80 % of its band, 30 % of a bar
 * between them), the actual labelled above with its execution rate.
 */
export function drawBudgetActual(spec: BudgetActual): Drawing {
  const grid = gridOf(56, 16, 64, 72);
  const axis = valueAxis([...spec.budget, ...spec.actual]);
  const y = scale(axis, grid.bottom, grid.top);
  const band = (grid.right - grid.left) / Math.max(1, spec.categories.length);
  const width = (band * 0.8) / 2.3;
  const bars = spec.categories.map((name, i) => {
    const middle = grid.left + (i + 0.5) * band;
    const [budgetTop, budgetHeight] = span(y(0), y(spec.budget[i] ?? 0));
    const [actualTop, actualHeight] = span(y(0), y(spec.actual[i] ?? 0));
    const actualX = middle + width * 0.15;
    return [
      rect(middle - width * 1.15, budgetTop, width, budgetHeight, COLORS[0]),
      rect(actualX, actualTop, width, actualHeight, COLORS[1]),
      text(actualX + width / 2, actualTop - 10.5, spec.rates[i] ?? '', 11, 'middle', INK.label),
      lines(middle, grid.bottom + 14, wrap(name, 8), 10, 'middle'),
    ];
  });
  const items = [
    { name: '全年预算', color: COLORS[0], marker: 'box' as const },
    { name: '实际支出（标注执行率）', color: COLORS[1], marker: 'box' as const },
  ];
  return [
    title(spec.title),
    legend(items, 38),
    valueAxisLeft(axis, grid),
    text(grid.left, grid.top - 21, spec.unit, 12, 'middle', INK.axis),
    categoryAxisLine(grid, true),
    bars,
  ];
}
