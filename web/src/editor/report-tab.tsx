import { Alert, Card, Space, Spin } from 'antd';
import { useState } from 'react';
import { urls } from '../api/endpoints.js';
import { DownloadButton } from '../components/download-button.js';

/** 报告: the HTML preview of the saved revision, and the downloads (publishing is a review step: 发布). */
export function ReportTab(props: { datasetId: number; revision: number; unsaved: boolean }) {
  const [loading, setLoading] = useState(true);
  const downloads = [
    { label: '下载 Word 文档', href: urls.report(props.datasetId, 'docx'), testId: 'download-docx' },
    { label: '下载 PDF', href: urls.report(props.datasetId, 'pdf'), testId: 'download-pdf' },
    { label: '下载电子表格（自评表）', href: urls.report(props.datasetId, 'xlsx'), testId: 'download-report-xlsx' },
    { label: '导出 Excel 表格', href: urls.exportWorkbook(props.datasetId), testId: 'download-xlsx' },
  ];
  return (
    <Card
      size="small"
      title={`报告预览（第 ${props.revision} 版）`}
      extra={
        <Space wrap>
          {downloads.map((d) => (
            // Downloads stay available on a read-only editor (whose controls are disabled).
            <DownloadButton key={d.testId} href={d.href} testId={d.testId}>
              {d.label}
            </DownloadButton>
          ))}
        </Space>
      }
    >
      {props.unsaved ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message="预览与下载为已保存的版本；最新修改保存后自动刷新。"
        />
      ) : null}
      <Spin spinning={loading} tip="正在生成报告…">
        <iframe
          key={props.revision}
          title="报告预览"
          data-testid="report-preview"
          src={urls.report(props.datasetId, 'html')}
          onLoad={() => setLoading(false)}
          style={{ width: '100%', height: '75vh', border: '1px solid #eee', background: '#fff' }}
        />
      </Spin>
    </Card>
  );
}
