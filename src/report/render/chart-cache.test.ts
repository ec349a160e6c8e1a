import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../model/types.js';
import { CHART_CACHE_CAPACITY, cachedChartPng, cachedChartSvg, chartKey, clearChartCache } from './chart-cache.js';

const bar = (values: number[], id = 'execution'): ChartSpec => ({
  kind: 'bar',
  id,
  title: '项目执行率',
  unit: '%',
  categories: values.map((_, i) => `项目${i + 1}`),
  values,
});

// Drawing a chart takes tens of milliseconds; the eviction test draws 65 of them: room for a busy machine.
describe('chart cache', { timeout: 120_000 }, () => {
  it('gives identical bytes for the same figures, drawn once', () => {
    clearChartCache();
    const first = cachedChartPng(bar([77.49, 84.18]));
    const again = cachedChartPng(bar([77.49, 84.18]));
    expect(again).toBe(first);
    clearChartCache();
    expect(cachedChartPng(bar([77.49, 84.18])).equals(first)).toBe(true);
    expect(cachedChartSvg(bar([77.49, 84.18]))).toBe(cachedChartSvg(bar([77.49, 84.18])));
  });

  it('keys a chart by its figures: other figures give another key and another picture', () => {
    expect(chartKey(bar([1, 2]))).toBe(chartKey(bar([1, 2])));
    expect(chartKey(bar([1, 2]))).not.toBe(chartKey(bar([1, 3])));
    expect(cachedChartSvg(bar([1, 2]))).not.toBe(cachedChartSvg(bar([1, 3])));
  });

  it('forgets the least recently used chart beyond its capacity', () => {
    clearChartCache();
    const kept = cachedChartPng(bar([50]));
    for (let i = 0; i < CHART_CACHE_CAPACITY; i++) cachedChartSvg(bar([i + 100]));
    const redrawn = cachedChartPng(bar([50]));
    expect(redrawn).not.toBe(kept);
    expect(redrawn.equals(kept)).toBe(true);
  });
});
