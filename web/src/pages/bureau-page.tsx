import { Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import { api } from '../api/endpoints.js';
import { OverviewCharts } from '../bureau/overview-charts.js';
import { loadOverviewRows, withReviewStates } from '../bureau/overview-row.js';
import { OverviewTable } from '../bureau/overview-table.js';
import { loadPaymentStandings, withPaymentStandings } from '../bureau/payment-standing.js';
import { ReviewQueue } from '../bureau/review-queue.js';
import { LoadError, Loading } from '../components/states.js';
import { href, Link, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

/**
 * 财政局总览: the reviewer's queue (待审核, 待发布) first, then every department of a fiscal year with its review
 * state, computed on the server from their working copies (/api/overview).
 */
export function BureauPage(props: { year: number | undefined }) {
  const all = useLoad(() => api.datasets(), 'all-datasets');
  const years = [...new Set((all.data ?? []).map((d) => d.fiscalYear))].sort((a, b) => b - a);
  const year = props.year ?? years[0];
  // One request: the server computes every row (and caches it per revision), no document reaches the browser.
  const rows = useLoad(
    () => (year === undefined ? Promise.resolve([]) : loadOverviewRows(year)),
    `overview-${String(year)}`,
  );
  // The treasury ledger's side (双监控); a failure here leaves the overview as it is.
  const payments = useLoad(
    () => (year === undefined ? Promise.resolve(null) : loadPaymentStandings(year)),
    `ledger-${String(year)}`,
  );
  if (all.error !== undefined) return <LoadError error={all.error} onRetry={all.reload} />;
  if (rows.error !== undefined) return <LoadError error={rows.error} onRetry={rows.reload} />;
  const standings = payments.data ?? null;
  const data = withPaymentStandings(withReviewStates(rows.data ?? [], all.data ?? []), standings);
  const count = (test: (r: (typeof data)[number]) => boolean) => data.filter(test).length;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          财政局总览
        </Typography.Title>
        <Select<number>
          aria-label="预算年度"
          style={{ width: 140 }}
          value={year}
          loading={all.loading}
          placeholder="年度"
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          onChange={(y) => navigate(href.bureau(y))}
        />
      </div>
      {all.loading ? null : <ReviewQueue datasets={all.data ?? []} />}
      {all.loading ? (
        <Loading rows={10} />
      ) : year === undefined ? (
        <Empty description="还没有任何部门的数据" />
      ) : (
        <>
          <Row gutter={16}>
            {[
              ['部门数', rows.loading ? '—' : data.length],
              ['有错误', rows.loading ? '—' : count((r) => r.errors > 0)],
              ['执行率低于 90%', rows.loading ? '—' : count((r) => r.executionRate !== null && r.executionRate < 90)],
              ['已公开', rows.loading ? '—' : count((r) => r.publishedRevision !== null)],
            ].map(([title, value]) => (
              <Col xs={12} md={6} key={String(title)}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          {rows.loading ? (
            <Loading rows={8} />
          ) : (
            <OverviewCharts rows={data.filter((r) => r.loadError === undefined)} />
          )}
          {standings === null ? null : (
            <Typography.Text data-testid="ledger-standing">
              国库支付数据截至 {standings.asOf}：{standings.departmentCount} 个部门中 {standings.laggingCount}{' '}
              个滞后于序时进度（<Link to={href.monitoring()}>查看双监控</Link>）。
            </Typography.Text>
          )}
          <Card size="small" title={`${year} 年度各部门`}>
            {rows.loading ? <Loading rows={6} /> : <OverviewTable rows={data} />}
          </Card>
        </>
      )}
    </Space>
  );
}
