import { Alert, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { getJson, withQuery } from '../api/http.js';
import { Chart } from '../charts/chart.js';
import { localDateText } from '../format.js';
import { useLoad } from '../use-load.js';
import type { LedgerProgress, LedgerProgressRow as DepartmentProgress } from '../../../src/domain/ledger/progress.js';

/** How many departments get a curve of their own (the most lagging; the table lists them all). */
const CURVES = 12;

function curveOption(row: DepartmentProgress) {
  const months = row.curve.map((p) => `${p.month}月`);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['累计支付进度', '序时进度'] },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '累计支付进度',
        type: 'line',
        data: row.curve.map((p) => (p.progress === null ? null : Number(p.progress))),
      },
      { name: '序时进度', type: 'line', lineStyle: { type: 'dashed' }, data: row.curve.map((p) => Number(p.schedule)) },
    ],
  };
}

const columns = [
  { title: '部门编码', dataIndex: 'departmentCode' },
  { title: '部门名称', dataIndex: 'departmentName' },
  { title: '全年预算（元）', dataIndex: 'fullYearBudget', align: 'right' as const },
  { title: '累计支付（元）', dataIndex: 'paid', align: 'right' as const },
  { title: '支付进度', dataIndex: 'progress', render: (v: string | null) => (v === null ? '—' : `${v}%`) },
  { title: '序时进度', dataIndex: 'schedule', render: (v: string) => `${v}%` },
  {
    title: '状态',
    dataIndex: 'lagging',
    render: (lagging: boolean) => (lagging ? <Tag color="red">滞后</Tag> : <Tag color="green">正常</Tag>),
  },
];

/** 双监控: each department's cumulative payment curve against 序时进度 as of a date, lagging departments first. */
export function MonitoringPage() {
  const [asOf, setAsOf] = useState(() => localDateText());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const loaded = useLoad(
    () => (valid ? getJson<LedgerProgress>(withQuery('/api/ledger/progress', { asOf })) : Promise.resolve(null)),
    asOf,
  );
  const data = loaded.data;
  return (
    <div className="jx-page" data-testid="monitoring-page">
      <Typography.Title level={3}>双监控：支付进度与序时进度</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        截至
        <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 180 }} />
        {data ? `${data.departments.length} 个部门，滞后 ${data.laggingCount} 个` : null}
      </Space>
      {loaded.error ? <Alert type="error" title={loaded.error.message} /> : null}
      {loaded.loading && valid ? <Spin /> : null}
      {data ? (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: 16 }}>
            {data.departments.slice(0, CURVES).map((row) => (
              <div key={row.departmentCode}>
                <Typography.Text strong type={row.lagging ? 'danger' : undefined}>
                  {row.departmentName || row.departmentCode}
                  {row.lagging ? '（滞后）' : ''}
                </Typography.Text>
                <Chart option={curveOption(row)} height={220} />
              </div>
            ))}
          </div>
          <Table rowKey="departmentCode" columns={columns} dataSource={data.departments} size="small" />
        </>
      ) : null}
    </div>
  );
}
