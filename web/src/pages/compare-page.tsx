import { Card, Empty, Space, Table, Typography } from 'antd';
import { api } from '../api/endpoints.js';
import { loadOverviewRows, type OverviewRow } from '../bureau/overview-row.js';
import { Chart } from '../charts/chart.js';
import { LoadError, Loading } from '../components/states.js';
import { href, Link } from '../router.js';
import { useLoad } from '../use-load.js';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** 历年对比: one department's figures, score and grade year by year. */
export function ComparePage(props: { departmentId: number }) {
  const rows = useLoad(async () => {
    const own = await api.datasets({ departmentId: props.departmentId });
    const years = [...new Set(own.map((d) => d.fiscalYear))].sort((a, b) => a - b);
    return (await Promise.all(years.map((y) => loadOverviewRows(y, props.departmentId)))).flat();
  }, `compare-${props.departmentId}`);
  if (rows.error !== undefined) return <LoadError error={rows.error} onRetry={rows.reload} />;
  if (rows.loading) return <Loading rows={10} />;
  const data = rows.data ?? [];
  if (data.length === 0) return <Empty description="该部门还没有数据" />;
  const years = data.map((r) => `${r.fiscalYear}`);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data[0]?.departmentName} · 历年对比
      </Typography.Title>
      <Card size="small" title="执行率与得分">
        <Chart
          height={300}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 48, right: 48, top: 24, bottom: 48 },
            xAxis: { type: 'category', data: years },
            yAxis: [
              { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              { type: 'value', max: 100, name: '得分' },
            ],
            series: [
              { name: '部门预算执行率', type: 'line', data: data.map((r) => r.executionRate) },
              { name: '项目执行率', type: 'line', data: data.map((r) => r.projectExecutionRate) },
              { name: '得分', type: 'bar', yAxisIndex: 1, data: data.map((r) => r.scoreValue), barMaxWidth: 40 },
            ],
          }}
        />
      </Card>
      <Table<OverviewRow>
        rowKey="datasetId"
        pagination={false}
        dataSource={data}
        columns={[
          { title: '年度', render: (_, r) => <Link to={href.dataset(r.datasetId)}>{r.fiscalYear}</Link> },
          { title: '预算执行率', align: 'right', render: (_, r) => pct(r.executionRate) },
          { title: '项目执行率', align: 'right', render: (_, r) => pct(r.projectExecutionRate) },
          { title: '得分', align: 'right', render: (_, r) => r.score ?? '—' },
          { title: '等级', render: (_, r) => r.grade ?? '—' },
          { title: '错误 / 警告', render: (_, r) => `${r.errors} / ${r.warnings}` },
          { title: '状态', dataIndex: 'status' },
        ]}
      />
    </Space>
  );
}
