import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Spin, message } from 'antd';
import { useState } from 'react';
import { api, urls } from '../api/endpoints.js';

/** 公开此版本: the public portal shows only published revisions. */
function PublishButton(props: { datasetId: number; revision: number; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await api.publish(props.datasetId, props.revision);
      void message.success(`第 ${props.revision} 版已公开`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={`公开第 ${props.revision} 版？`}
      description="公开后任何人都可在“公开报告”中阅读和下载。"
      okText="公开"
      cancelText="取消"
      onConfirm={() => void publish()}
    >
      <Button icon={<GlobalOutlined />} loading={busy} disabled={props.disabled} data-testid="publish-button">
        公开此版本
      </Button>
    </Popconfirm>
  );
}

/** 报告: the HTML preview of the saved revision, and the downloads. */
export function ReportTab(props: { datasetId: number; revision: number; unsaved: boolean }) {
  const [loading, setLoading] = useState(true);
  const downloads = [
    { label: '下载 Word（DOCX）', href: urls.report(props.datasetId, 'docx'), testId: 'download-docx' },
    { label: '下载 PDF', href: urls.report(props.datasetId, 'pdf'), testId: 'download-pdf' },
    { label: '导出 Excel（XLSX）', href: urls.exportWorkbook(props.datasetId), testId: 'download-xlsx' },
  ];
  return (
    <Card
      size="small"
      title={`报告预览（第 ${props.revision} 版）`}
      extra={
        <Space wrap>
          <PublishButton datasetId={props.datasetId} revision={props.revision} disabled={props.unsaved} />
          {downloads.map((d) => (
            <Button key={d.testId} icon={<DownloadOutlined />} href={d.href} download data-testid={d.testId}>
              {d.label}
            </Button>
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
