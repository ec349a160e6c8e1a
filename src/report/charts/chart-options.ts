import type { ChartSpec } from '../model/types.js';

/** CJK-capable font families, first the one Jixiao ships (npm @expo-google-fonts/noto-sans-sc) and embeds in PDFs. */
export const CHART_FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83'];

/** Labels get no outline: ECharts' default white text border renders as a halo in PDF and PNG output. */
const label = { textBorderColor: 'transparent', textBorderWidth: 0, fontFamily: CHART_FONT_FAMILY };

const title = (text: string) => ({
  text,
  left: 'center',
  top: 4,
  textStyle: { fontSize: 14, fontWeight: 'normal' as const, fontFamily: CHART_FONT_FAMILY },
});

/** Long Chinese project names wrap every `width` characters on the category axis. */
function wrap(text: string, width: number): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

/** The ECharts option for one chart spec (no animation: SSR draws the final frame). */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  const base = {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: title(spec.title),
  };
  switch (spec.kind) {
    case 'pie':
      return {
        ...base,
        legend: { bottom: 4, textStyle: { fontFamily: CHART_FONT_FAMILY } },
        series: [
          {
            type: 'pie',
            radius: ['0%', '58%'],
            center: ['50%', '52%'],
            data: spec.slices.map((s) => ({ name: s.name, value: s.value, label: { formatter: s.text } })),
            label: { ...label, fontSize: 12 },
          },
        ],
      };
    case 'bar':
      return {
        ...base,
        grid: { left: 150, right: 70, top: 40, bottom: 24 },
        xAxis: { type: 'value', name: spec.unit, axisLabel: label },
        yAxis: { type: 'category', data: spec.categories, inverse: true, axisLabel: { ...label, fontSize: 12 } },
        series: [
          { type: 'bar', data: spec.values, barWidth: '50%', label: { ...label, show: true, position: 'right' } },
        ],
      };
    case 'budget-actual':
      return {
        ...base,
        legend: { top: 26, textStyle: { fontFamily: CHART_FONT_FAMILY } },
        grid: { left: 56, right: 16, top: 64, bottom: 72 },
        xAxis: {
          type: 'category',
          data: spec.categories.map((c) => wrap(c, 8)),
          axisLabel: { ...label, interval: 0, fontSize: 10 },
        },
        yAxis: { type: 'value', name: spec.unit, axisLabel: label },
        series: [
          { name: '全年预算', type: 'bar', data: spec.budget, label: { ...label, show: false } },
          {
            name: '实际支出（标注执行率）',
            type: 'bar',
            data: spec.actual.map((value, i) => ({ value, label: { formatter: spec.rates[i] ?? '' } })),
            label: { ...label, show: true, position: 'top', fontSize: 11 },
          },
        ],
      };
    case 'progress':
      return {
        ...base,
        legend: { top: 26, textStyle: { fontFamily: CHART_FONT_FAMILY } },
        grid: { left: 48, right: 24, top: 64, bottom: 32 },
        xAxis: { type: 'category', data: spec.months.map((m) => `${m}月末`), axisLabel: label },
        yAxis: { type: 'value', max: 100, axisLabel: { ...label, formatter: '{value}%' } },
        series: [
          {
            name: '序时进度',
            type: 'line',
            data: spec.schedule,
            lineStyle: { type: 'dashed' },
            label: { ...label, show: true, formatter: '{c}%' },
          },
          {
            name: '累计支付进度',
            type: 'line',
            data: spec.progress,
            connectNulls: false,
            label: { ...label, show: true, position: 'right', formatter: '{c}%' },
          },
        ],
      };
  }
}
