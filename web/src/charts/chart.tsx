import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts.js';

/** One chart, with a fixed height so the page does not jump when it draws. */
export function Chart(props: { option: EChartsCoreOption; height?: number; testId?: string }) {
  return (
    <div data-testid={props.testId} style={{ height: props.height ?? 260 }}>
      <ReactEChartsCore
        echarts={echarts}
        option={props.option}
        notMerge
        style={{ height: props.height ?? 260 }}
        opts={{ renderer: 'svg' }}
      />
    </div>
  );
}
