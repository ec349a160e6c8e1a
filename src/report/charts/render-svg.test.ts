import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../model/types.js';
import { chartShapes, chartToSvg } from './render-svg.js';
import { valueAxis } from './value-axis.js';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('charts drawn from their spec', () => {
  it('keeps the scales ECharts chose (about five steps of 1, 2, 3 or 5 × 10ⁿ)', () => {
    expect(valueAxis([526.35, 46.37, 23.32]).ticks).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(valueAxis([23.5, 148.48, 0]).ticks).toEqual([0, 30, 60, 90, 120, 150]);
    expect(valueAxis([25, 100], 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(valueAxis([0.12, 0.3]).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(valueAxis([0, 0]).ticks).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('prints the title, every label and the legend of each kind', () => {
    const pie: ChartSpec = {
      kind: 'pie',
      id: 'income',
      title: '图1 收入构成（单位：万元）',
      slices: [
        { name: '基本支出拨款收入', value: 596.04, text: '基本支出拨款收入\n596.04（64.11%）' },
        { name: '项目支出拨款收入', value: 0, text: '项目支出拨款收入\n0（0%）' },
      ],
    };
    expect(texts(chartToSvg(pie))).toEqual([
      '图1 收入构成（单位：万元）',
      ...['基本支出拨款收入', '596.04（64.11%）', '项目支出拨款收入', '0（0%）'],
      ...['基本支出拨款收入', '项目支出拨款收入'],
    ]);
    const progress: ChartSpec = {
      kind: 'progress',
      id: 'payment-progress',
      title: '图4',
      months: [3, 6],
      progress: [4.6, null],
      schedule: [25, 50],
    };
    const drawn = texts(chartToSvg(progress));
    expect(drawn).toContain('4.6%');
    expect(drawn).toContain('100%');
    expect(drawn.filter((t) => t === '%')).toEqual([]);
    const projects: ChartSpec = {
      kind: 'budget-actual',
      id: 'projects',
      title: '图3',
      unit: '万元',
      categories: ['“12345”市民服务热线工作经费'],
      budget: [23.5],
      actual: [18.21],
      rates: ['77.49%'],
    };
    expect(texts(chartToSvg(projects))).toEqual(
      expect.arrayContaining(['“12345”市', '民服务热线工作经', '费', '77.49%', '全年预算', '万元', '25']),
    );
  });

  it('escapes text for XML', () => {
    const bar: ChartSpec = { kind: 'bar', id: 'b', title: 'A&B<C>', unit: '元', categories: ['x'], values: [1] };
    expect(chartToSvg(bar)).toContain('A&amp;B&lt;C&gt;');
  });

  it('draws a slice of nearly the whole pie in two parts, whose ends do not round to the same point', () => {
    const shapes = chartShapes({
      kind: 'pie',
      id: 'income',
      title: '收入构成',
      slices: [
        { name: '基本支出拨款收入', value: 1_250_000, text: '基本' },
        { name: '项目支出拨款收入', value: 0.01, text: '项目' },
      ],
    });
    const big = shapes.filter((s) => s.shape === 'path' && s.fill === '#c23531');
    expect(big).toHaveLength(2);
    for (const part of big) expect(part.shape === 'path' && /A98\.6 98\.6 0 [01] 1 /.test(part.d)).toBe(true);
  });
});
