import { Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, urls } from '../api/endpoints.js';
import type { PublishedReport } from '../api/types.js';
import { DownloadButton } from '../components/download-button.js';
import { LoadError, Loading } from '../components/states.js';
import { useLoad } from '../use-load.js';

/** 公开报告: published revisions only, by year and department; no login. */
export function PublicPage() {
  const loaded = useLoad(() => api.published(), 'published');
  const [year, setYear] = useState<number | undefined>(undefined);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const all = loaded.data ?? [];
  const years = [...new Set(all.map((r) => r.fiscalYear))].sort((a, b) => b - a);
  const shown = all.filter((r) => year === undefined || r.fiscalYear === year);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        部门整体支出绩效自评报告公开
      </Typography.Title>
      <Card
        extra={
          <Select<number>
            allowClear
            placeholder="全部年度"
            aria-label="年度"
            style={{ width: 140 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          />
        }
        title="已公开的报告"
      >
        {loaded.loading ? (
          <Loading rows={5} />
        ) : shown.length === 0 ? (
          <Empty description="暂无公开的报告" />
        ) : (
          <Table<PublishedReport>
            rowKey={(r) => `${r.datasetId}-${r.revision}`}
            dataSource={shown}
            pagination={shown.length > 30 ? { pageSize: 30 } : false}
            columns={[
              { title: '年度', dataIndex: 'fiscalYear', width: 90, sorter: (a, b) => a.fiscalYear - b.fiscalYear },
              { title: '部门', dataIndex: 'departmentName' },
              { title: '公开日期', width: 140, render: (_, r) => r.publishedAt?.slice(0, 10) ?? '—' },
              {
                title: '报告',
                width: 450,
                render: (_, r) => (
                  <Space>
                    <Button size="small" href={urls.publicReport(r.datasetId, 'html')} target="_blank">
                      在线阅读
                    </Button>
                    <DownloadButton size="small" href={urls.publicReport(r.datasetId, 'pdf')}>
                      PDF
                    </DownloadButton>
                    <DownloadButton size="small" href={urls.publicReport(r.datasetId, 'docx')}>
                      Word
                    </DownloadButton>
                    <DownloadButton size="small" href={urls.publicReport(r.datasetId, 'xlsx')}>
                      自评表（Excel）
                    </DownloadButton>
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
