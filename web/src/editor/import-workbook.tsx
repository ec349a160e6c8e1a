import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Modal, Space, Tag, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { api, urls } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import type { ApiFinding } from '../api/types.js';

function findingsOf(error: unknown): ApiFinding[] {
  if (!(error instanceof ApiError)) return [];
  const body = error.body as { findings?: ApiFinding[]; errors?: ApiFinding[] } | null;
  return body?.findings ?? body?.errors ?? [];
}

/**
 * 导入 Excel: uploads a filled template (or a JSON/YAML dataset, e.g. "my version" saved from the conflict
 * dialog). All-or-nothing: on success the server holds a new revision (reloaded
 * here); on failure every problem is listed with its sheet and cell and nothing was imported.
 */
export function ImportWorkbook(props: {
  datasetId: number;
  revision: number;
  disabled: boolean;
  onImported: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ message: string; findings: ApiFinding[] } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await api.importFile(props.datasetId, props.revision, file);
      void message.success(`已导入 ${file.name}`);
      props.onImported();
    } catch (e) {
      setErrors({ message: e instanceof Error ? e.message : String(e), findings: findingsOf(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <Upload
        accept=".xlsx,.json,.yaml,.yml"
        showUploadList={false}
        disabled={props.disabled || busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={props.disabled} data-testid="import-button">
          导入 Excel
        </Button>
      </Upload>
      <Button icon={<DownloadOutlined />} href={urls.template()} download data-testid="template-button">
        下载模板
      </Button>
      <Modal
        open={errors !== null}
        title="导入失败：未导入任何数据"
        width={720}
        footer={<Button onClick={() => setErrors(null)}>关闭</Button>}
        onCancel={() => setErrors(null)}
      >
        <Typography.Paragraph>{errors?.message}</Typography.Paragraph>
        <List
          size="small"
          data-testid="import-errors"
          dataSource={errors?.findings ?? []}
          renderItem={(f, i) => (
            <List.Item key={i}>
              <Space align="start">
                {f.location === undefined && f.cell === undefined ? null : (
                  <Tag color="red" data-testid="import-error-cell">
                    {f.location ?? f.cell}
                  </Tag>
                )}
                <span>{f.message}</span>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}
