import { UploadOutlined } from '@ant-design/icons';
import { Button, List, Modal, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import type { ApiFinding } from '../api/types.js';
import { href, navigate } from '../router.js';

type Failure = { message: string; findings: ApiFinding[] };

function failureOf(error: unknown): Failure {
  const body = error instanceof ApiError ? (error.body as { findings?: ApiFinding[] } | null) : null;
  const message = error instanceof Error ? error.message : String(error);
  return { message, findings: body?.findings ?? [] };
}

/**
 * 导入文件新建年度: a workbook, YAML or JSON file (any document kind) as a new dataset of this department. All or
 * nothing; a year the department already has is refused (import into that year's editor instead, which shows
 * the changes first).
 */
export function ImportNewDataset(props: { departmentId: number; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const answer = await api.importNew(props.departmentId, file);
      if (answer.saved) navigate(href.dataset(answer.id));
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload
        accept=".xlsx,.json,.yaml,.yml"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="import-new">
          {props.label ?? '导入文件新建年度'}
        </Button>
      </Upload>
      <Modal
        open={failure !== null}
        title="未导入"
        footer={<Button onClick={() => setFailure(null)}>关闭</Button>}
        onCancel={() => setFailure(null)}
      >
        <Typography.Paragraph data-testid="import-new-error">{failure?.message}</Typography.Paragraph>
        <List
          size="small"
          dataSource={failure?.findings ?? []}
          renderItem={(f, i) => (
            <List.Item key={i}>
              {f.location === undefined ? null : <Tag color="red">{f.location}</Tag>}
              {f.message}
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
