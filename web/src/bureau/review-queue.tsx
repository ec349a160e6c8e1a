import { Badge, Card, Empty, Table, Tabs } from 'antd';
import type { DatasetSummary } from '../api/types.js';
import { StateTag } from '../components/state-tag.js';
import { href, Link } from '../router.js';

function QueueTable(props: { rows: readonly DatasetSummary[]; action: string; empty: string; testId: string }) {
  if (props.rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />;
  return (
    <Table<DatasetSummary>
      rowKey="id"
      size="small"
      data-testid={props.testId}
      pagination={props.rows.length > 10 ? { pageSize: 10 } : false}
      dataSource={[...props.rows]}
      columns={[
        { title: '部门', render: (_, d) => <Link to={href.dataset(d.id)}>{d.departmentName}</Link> },
        { title: '年度', width: 90, render: (_, d) => `${d.fiscalYear}` },
        {
          title: '状态',
          width: 200,
          render: (_, d) => <StateTag state={d.state} label={d.stateLabel} revision={d.stateRevision} />,
        },
        {
          title: '警告',
          width: 80,
          align: 'right',
          render: (_, d) => d.latestRevision.keyFigures.warningCount,
        },
        {
          title: '',
          width: 90,
          render: (_, d) => (
            <Link to={href.dataset(d.id)} testId={`queue-open-${d.id}`}>
              {props.action}
            </Link>
          ),
        },
      ]}
    />
  );
}

/** 待审核 (submitted) and 待发布 (approved): the reviewer's work across every year, oldest department first. */
export function ReviewQueue(props: { datasets: readonly DatasetSummary[] }) {
  const byName = (a: DatasetSummary, b: DatasetSummary) =>
    b.fiscalYear - a.fiscalYear || a.departmentName.localeCompare(b.departmentName, 'zh');
  const submitted = props.datasets.filter((d) => d.state === 'submitted').sort(byName);
  const approved = props.datasets.filter((d) => d.state === 'approved').sort(byName);
  return (
    <Card size="small" data-testid="review-queue">
      <Tabs
        size="small"
        items={[
          {
            key: 'submitted',
            label: (
              <span>
                待审核 <Badge count={submitted.length} showZero color={submitted.length > 0 ? '#b4232a' : '#bbb'} />
              </span>
            ),
            children: <QueueTable rows={submitted} action="审核" empty="没有待审核的报告" testId="queue-submitted" />,
          },
          {
            key: 'approved',
            label: (
              <span>
                待发布 <Badge count={approved.length} showZero color={approved.length > 0 ? '#1f6fb2' : '#bbb'} />
              </span>
            ),
            children: <QueueTable rows={approved} action="发布" empty="没有待发布的报告" testId="queue-approved" />,
          },
        ]}
      />
    </Card>
  );
}
