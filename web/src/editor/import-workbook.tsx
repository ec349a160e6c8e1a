import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Modal, Space, Tag, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { api, urls } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import type { ApiFinding, DatasetDocument } from '../api/types.js';
import { ImportPreview, previewOf, type ImportPreviewData } from './import-preview.js';

function findingsOf(error: unknown): ApiFinding[] {
  if (!(error instanceof ApiError)) return [];
  const body = error.body as { findings?: ApiFinding[]; errors?: ApiFinding[] } | null;
  return body?.findings ?? body?.errors ?? [];
}

/**
 * 导入 Excel: uploads a filled template (or a JSON/YAML dataset, e.g. "my version" saved from the conflict
 * dialog). First a dry run: the server reads the file and answers its document, and the changes against the
 * open document are shown by page, with a warning when the file is another department's, year's or kind's;
 * only 确认导入 writes (all-or-nothing, a new revision, reloaded here). On a bad file every problem is listed
 * with its sheet and cell and nothing was imported.
 */
export function ImportWorkbook(props: {
  datasetId: number;
  revision: number;
  disabled: boolean;
  /** The document being edited, read when a file is chosen (a getter: the button must not render on keystrokes). */
  current: () => DatasetDocument;
  unsaved: boolean;
  onImported: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ message: string; findings: ApiFinding[] } | null>(null);
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (e) {
      setPreview(null);
      setErrors({ message: e instanceof Error ? e.message : String(e), findings: findingsOf(e) });
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) =>
    run(async () => {
      const answer = await api.importFile(props.datasetId, props.revision, file, true);
      if (!answer.saved) setPreview(previewOf(file, props.current(), answer.document));
    });
  const confirm = (file: File) =>
    run(async () => {
      await api.importFile(props.datasetId, props.revision, file);
      setPreview(null);
      void message.success(`已导入 ${file.name}`);
      props.onImported();
    });
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
      <ImportPreview
        preview={preview}
        unsaved={props.unsaved}
        busy={busy}
        onCancel={() => setPreview(null)}
        onConfirm={() => (preview === null ? undefined : void confirm(preview.file))}
      />
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
