import { Input, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { StateTag } from '../components/state-tag.js';
import { href, Link } from '../router.js';
import type { OverviewRow, OverviewStatus } from './overview-row.js';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);
const byNumber = (get: (r: OverviewRow) => number | null) => (a: OverviewRow, b: OverviewRow) =>
  (get(a) ?? -1) - (get(b) ?? -1);
const STATUS_COLOR: Readonly<Record<OverviewStatus, string>> = {
  已公开: 'blue',
  有错误: 'red',
  待完善: 'orange',
  可提交: 'green',
  无法计算: 'volcano',
};
const STATUSES: readonly OverviewStatus[] = ['可提交', '待完善', '有错误', '已公开', '无法计算'];
/** The review states by their usual names (the cells show the server's stateLabel). */
const REVIEW_FILTERS = [
  { text: '草稿', value: 'draft' },
  { text: '已提交', value: 'submitted' },
  { text: '已退回', value: 'returned' },
  { text: '已审核通过', value: 'approved' },
  { text: '已公开', value: 'published' },
];

/** 总览表: every department of the year; sortable by every figure, filterable by name, grade and status. */
export function OverviewTable(props: { rows: readonly OverviewRow[] }) {
  const [query, setQuery] = useState('');
  const months = [...new Set(props.rows.flatMap((r) => r.payments.map((p) => p.month)))].sort((a, b) => a - b);
  const shown = props.rows.filter((r) => r.departmentName.includes(query.trim()));
  const columns: TableColumnsType<OverviewRow> = [
    {
      title: '部门',
      dataIndex: 'departmentName',
      fixed: 'left',
      sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'),
      render: (_, r) => (
        <span>
          <Link to={href.dataset(r.datasetId)} testId={`drill-${r.datasetId}`}>
            {r.departmentName}
          </Link>{' '}
          <Link to={href.compare(r.departmentId)}>历年</Link>
        </span>
      ),
    },
    {
      title: '预算执行率',
      key: 'executionRate',
      align: 'right',
      sorter: byNumber((r) => r.executionRate),
      render: (_, r) => <span data-testid="cell-executionRate">{pct(r.executionRate)}</span>,
    },
    {
      title: '项目执行率',
      key: 'projectExecutionRate',
      align: 'right',
      sorter: byNumber((r) => r.projectExecutionRate),
      render: (_, r) => pct(r.projectExecutionRate),
    },
    ...months.map((m) => ({
      title: `${m}月支付进度`,
      key: `pay-${m}`,
      align: 'right' as const,
      sorter: byNumber((r) => r.payments.find((p) => p.month === m)?.progress ?? null),
      render: (_: unknown, r: OverviewRow) => {
        const p = r.payments.find((x) => x.month === m);
        if (p === undefined || p.progress === null) return '—';
        return <span style={{ color: p.progress < p.schedule ? '#d46b08' : undefined }}>{pct(p.progress)}</span>;
      },
    })),
    ...(props.rows.some((r) => r.payment !== undefined)
      ? [
          {
            title: '国库支付进度',
            key: 'ledger-payment',
            align: 'right' as const,
            sorter: byNumber((r) => r.payment?.progress ?? null),
            render: (_: unknown, r: OverviewRow) =>
              r.payment === undefined ? (
                '—'
              ) : (
                <Tooltip title={`序时进度 ${pct(r.payment.schedule)}`}>
                  <span data-testid="cell-ledger-payment">
                    {pct(r.payment.progress)}
                    {r.payment.lagging ? (
                      <Tag color="red" style={{ marginLeft: 6, marginRight: 0 }}>
                        滞后
                      </Tag>
                    ) : null}
                  </span>
                </Tooltip>
              ),
          },
        ]
      : []),
    {
      title: '得分',
      key: 'score',
      align: 'right',
      sorter: byNumber((r) => r.scoreValue),
      render: (_, r) => r.score ?? '—',
    },
    {
      title: '等级',
      dataIndex: 'grade',
      filters: ['优', '良', '中', '差'].map((g) => ({ text: g, value: g })),
      onFilter: (value, r) => r.grade === value,
      render: (g: string | null) => g ?? '—',
    },
    { title: '错误', dataIndex: 'errors', align: 'right', sorter: byNumber((r) => r.errors) },
    { title: '警告', dataIndex: 'warnings', align: 'right', sorter: byNumber((r) => r.warnings) },
    {
      title: '审核状态',
      key: 'review',
      filters: REVIEW_FILTERS,
      onFilter: (value, r) => r.review?.state === value,
      render: (_, r) =>
        r.review === undefined ? (
          '—'
        ) : (
          <StateTag state={r.review.state} label={r.review.label} revision={r.review.revision} />
        ),
    },
    {
      title: '数据状态',
      dataIndex: 'status',
      filters: STATUSES.map((s) => ({ text: s, value: s })),
      onFilter: (value, r) => r.status === value,
      render: (s: OverviewStatus, r) => (
        <Tooltip title={r.loadError}>
          <Tag color={STATUS_COLOR[s]} data-testid="cell-status">
            {s}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: '公开版本',
      key: 'published',
      sorter: byNumber((r) => r.publishedRevision),
      render: (_, r) =>
        r.publishedRevision === null ? (
          '—'
        ) : (
          <span data-testid="cell-published">
            第 {r.publishedRevision} 版{r.publishedRevision === r.revision ? '' : `（当前第 ${r.revision} 版）`}
          </span>
        ),
    },
  ];
  return (
    <>
      <Input.Search
        placeholder="按部门名称筛选"
        allowClear
        style={{ maxWidth: 320, marginBottom: 12 }}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="按部门名称筛选"
      />
      <Table<OverviewRow>
        rowKey="datasetId"
        size="middle"
        data-testid="overview-table"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={shown.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: '该年度没有部门数据' }}
        showSorterTooltip={false}
      />
    </>
  );
}
