import { Card, Col, Row } from 'antd';
import { Chart } from '../charts/chart.js';
import type { OverviewRow } from './overview-row.js';

const BINS = [
  { label: '<60%', test: (r: number) => r < 60 },
  { label: '60–80%', test: (r: number) => r >= 60 && r < 80 },
  { label: '80–90%', test: (r: number) => r >= 80 && r < 90 },
  { label: '90–95%', test: (r: number) => r >= 90 && r < 95 },
  { label: '≥95%', test: (r: number) => r >= 95 },
];
const GRADES = ['优', '良', '中', '差'] as const;
const MONTHS = [3, 6, 9, 12];

function distributionOption(rows: readonly OverviewRow[]) {
  const rates = rows.map((r) => r.executionRate).filter((r): r is number => r !== null);
  return {
    tooltip: {},
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: BINS.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1, name: '部门数' },
    series: [{ type: 'bar', data: BINS.map((b) => rates.filter(b.test).length), itemStyle: { color: '#b4232a' } }],
  };
}

function paymentOption(rows: readonly OverviewRow[]) {
  const average = MONTHS.map((m) => {
    const values = rows.flatMap((r) =>
      r.payments.filter((p) => p.month === m && p.progress !== null).map((p) => p.progress ?? 0),
    );
    return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
  });
  const schedule = MONTHS.map((m) => Math.round((m / 12) * 10000) / 100);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: MONTHS.map((m) => `${m}月末`) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '序时进度', type: 'line', data: schedule, lineStyle: { type: 'dashed' }, itemStyle: { color: '#999' } },
      { name: '平均支付进度', type: 'line', data: average, itemStyle: { color: '#b4232a' } },
      ...(rows.length <= 8
        ? rows.map((r) => ({
            name: r.departmentName,
            type: 'line',
            data: MONTHS.map((m) => r.payments.find((p) => p.month === m)?.progress ?? null),
            lineStyle: { width: 1 },
            symbolSize: 4,
          }))
        : []),
    ],
  };
}

function gradeOption(rows: readonly OverviewRow[]) {
  return {
    tooltip: {},
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: [...GRADES, '未评分'] },
    yAxis: { type: 'value', minInterval: 1, name: '部门数' },
    series: [
      {
        type: 'bar',
        data: [
          ...GRADES.map((g) => rows.filter((r) => r.grade === g).length),
          rows.filter((r) => r.grade === null).length,
        ],
        itemStyle: { color: '#1f6fb2' },
      },
    ],
  };
}

/** 图表: execution-rate distribution, payment progress against the schedule, grade counts. */
export function OverviewCharts(props: { rows: readonly OverviewRow[] }) {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Card size="small" title="部门预算执行率分布">
          <Chart option={distributionOption(props.rows)} testId="chart-distribution" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title="支付进度与序时进度">
          <Chart option={paymentOption(props.rows)} testId="chart-payment" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title="评分等级">
          <Chart option={gradeOption(props.rows)} testId="chart-grades" />
        </Card>
      </Col>
    </Row>
  );
}
