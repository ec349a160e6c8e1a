/**
 * A value axis as ECharts lays it out (about five intervals, each 1, 2, 3 or 5 × a power of ten, the ends on
 * whole intervals, zero always shown), so the charts keep the scales they had when ECharts drew them.
 */
export type ValueAxis = { min: number; max: number; ticks: readonly number[] };

/** ECharts' `nice(value, round)`: the nearest of 1, 2, 3, 5, 10 × 10ⁿ. */
function nice(value: number): number {
  const exponent = Math.floor(Math.log10(value));
  const power = 10 ** exponent;
  const fraction = value / power;
  const step = fraction < 1.5 ? 1 : fraction < 2.5 ? 2 : fraction < 4 ? 3 : fraction < 7 ? 5 : 10;
  return step * power;
}

/** Ticks rounded to the interval's own decimals, so 0.1 × 3 prints as 0.3. */
const decimalsOf = (interval: number) => Math.max(0, -Math.floor(Math.log10(interval)) + 1);

export function valueAxis(values: readonly number[], fixedMax?: number): ValueAxis {
  const low = Math.min(0, ...values);
  const high = fixedMax ?? Math.max(0, ...values);
  const span = high - low;
  const interval = span > 0 ? nice(span / 5) : 1;
  const min = Math.floor(low / interval) * interval;
  const max = fixedMax ?? (span > 0 ? Math.ceil(high / interval) * interval : interval * 5);
  const decimals = decimalsOf(interval);
  const ticks: number[] = [];
  for (let i = 0; min + i * interval <= max + interval * 1e-9; i++)
    ticks.push(Number((min + i * interval).toFixed(decimals)));
  return { min, max, ticks };
}

/** A tick's label: thousands separated by commas, as ECharts prints a value axis. */
export function tickLabel(value: number, suffix = ''): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`}${suffix}`;
}

/** Where `value` falls between `from` (the axis's min) and `to` (its max). */
export const scale = (axis: ValueAxis, from: number, to: number) => (value: number) =>
  from + ((value - axis.min) / (axis.max - axis.min || 1)) * (to - from);
