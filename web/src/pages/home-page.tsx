import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api } from '../api/endpoints.js';
import { PublishedTag } from '../components/published-tag.js';
import { StateTag } from '../components/state-tag.js';
import type { DatasetSummary } from '../api/types.js';
import { LoadError, Loading } from '../components/states.js';
import { wirePercentText } from '../wire-format.js';
import { href, Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useUser } from '../auth/session-store.js';
import { NewDepartmentDialog } from './new-department-dialog.js';

function FindingCounts(props: { dataset: DatasetSummary }) {
  const k = props.dataset.latestRevision.keyFigures;
  return (
    <Space size={4}>
      {k.errorCount > 0 ? <Tag color="red">错误 {k.errorCount}</Tag> : <Tag color="green">无错误</Tag>}
      {k.warningCount > 0 ? <Tag color="orange">警告 {k.warningCount}</Tag> : null}
    </Space>
  );
}

/** 首页: every dataset the user can open, newest year first; one click opens the editor. */
export function HomePage() {
  const datasets = useLoad(() => api.datasets(), 'all');
  const user = useUser();
  if (datasets.error !== undefined) return <LoadError error={datasets.error} onRetry={datasets.reload} />;
  const list = [...(datasets.data ?? [])].sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.departmentName.localeCompare(b.departmentName, 'zh'),
  );
  const years = new Set(list.map((d) => d.fiscalYear));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            部门整体支出绩效自评
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            选择一个部门年度，录入或导入原始数据；数字与审核发现随输入实时计算，完成后提交财政局审核，审核通过后公开。
          </Typography.Paragraph>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="数据集" value={datasets.loading ? '—' : list.length} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="年度" value={datasets.loading ? '—' : years.size} />
        </Col>
      </Row>
      <Card title="部门年度数据集" extra={user?.role === 'admin' ? <NewDepartmentDialog /> : null}>
        {datasets.loading ? (
          <Loading rows={4} />
        ) : list.length === 0 ? (
          <Empty description="还没有数据集。" />
        ) : (
          <Table<DatasetSummary>
            rowKey="id"
            size="middle"
            pagination={list.length > 20 ? { pageSize: 20 } : false}
            dataSource={list}
            columns={[
              { title: '年度', dataIndex: 'fiscalYear', width: 90 },
              {
                title: '部门',
                render: (_, d) => (
                  <Link to={href.dataset(d.id)} testId={`open-dataset-${d.id}`}>
                    {d.departmentName}
                  </Link>
                ),
              },
              {
                title: '预算执行率',
                width: 120,
                align: 'right',
                render: (_, d) => wirePercentText(d.latestRevision.keyFigures.executionRate),
              },
              {
                title: '审核状态',
                width: 170,
                render: (_, d) => <StateTag state={d.state} label={d.stateLabel} revision={d.stateRevision} />,
              },
              { title: '数据核对', width: 180, render: (_, d) => <FindingCounts dataset={d} /> },
              {
                title: '版本',
                width: 200,
                render: (_, d) => (
                  <span>
                    第 {d.latestRevision.revisionNo} 版 <PublishedTag dataset={d} />
                  </span>
                ),
              },
              {
                title: '',
                width: 180,
                render: (_, d) => (
                  <Space>
                    <Link to={href.dataset(d.id, 'report')}>报告</Link>
                    <Link to={href.department(d.departmentId)}>各年度</Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
