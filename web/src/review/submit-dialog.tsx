import { Alert, Empty, Form, Input, List, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { reviewApi } from '../api/accounts.js';
import { ApiError } from '../api/http.js';
import type { WireFinding } from '../api/types.js';
import { describePath } from '../editor/field-labels.js';

/** `CODE@$.path`: the key a submission's explanations are filed under (the server sends it; older ones do not). */
export const findingKey = (f: WireFinding): string => f.key ?? `${f.code}@${f.pathText}`;

/** 409 on submit: the findings that still block it. */
function blockingOf(error: unknown): WireFinding[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as { details?: { blocking?: WireFinding[] } } | null;
  return body?.details?.blocking ?? null;
}

function FindingLine(props: { finding: WireFinding }) {
  const f = props.finding;
  return (
    <div>
      <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{f.severity === 'error' ? '错误' : '警告'}</Tag>
      <Typography.Text>{f.message}</Typography.Text>
      <div className="jx-finding-path">{describePath(f.path)}</div>
    </div>
  );
}

/**
 * 提交审核: the revision's errors block it; each remaining warning needs the department's explanation, kept by
 * the finding's key. A refusal (409) lists what still blocks, as the server found it.
 */
export function SubmitDialog(props: {
  open: boolean;
  datasetId: number;
  revision: number;
  previous: Record<string, string>;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const [findings, setFindings] = useState<WireFinding[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [blocking, setBlocking] = useState<WireFinding[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { open, datasetId, revision, previous } = props;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setFindings(null);
    setBlocking(null);
    setFailure(null);
    setLoadError(null);
    reviewApi.findings(datasetId, revision).then(
      (answer) => {
        if (!live) return;
        setFindings(answer.findings);
        const keys = answer.findings.filter((f) => f.severity === 'warning').map(findingKey);
        setExplanations(Object.fromEntries(keys.map((k) => [k, previous[k] ?? ''])));
      },
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [open, datasetId, revision, previous]);

  const errors = (findings ?? []).filter((f) => f.severity === 'error');
  const warnings = (findings ?? []).filter((f) => f.severity === 'warning');
  const missing = warnings.filter((f) => (explanations[findingKey(f)] ?? '').trim() === '').length;

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const filled = Object.fromEntries(Object.entries(explanations).map(([k, v]) => [k, v.trim()]));
      await reviewApi.submit(datasetId, revision, filled);
      props.onSubmitted();
    } catch (e) {
      setBlocking(blockingOf(e));
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`提交审核：第 ${revision} 版`}
      width={760}
      okText="提交审核"
      cancelText="取消"
      okButtonProps={{ disabled: findings === null || errors.length > 0 || missing > 0 }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {loadError !== null ? <Alert type="error" showIcon message={loadError} /> : null}
      {findings === null && loadError === null ? <Spin /> : null}
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`有 ${errors.length} 个错误，修正后才能提交`}
          description={
            <List
              size="small"
              dataSource={errors}
              renderItem={(f) => (
                <List.Item>
                  <FindingLine finding={f} />
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      {findings !== null && warnings.length === 0 && errors.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要说明的警告，可以提交" />
      ) : null}
      {warnings.length > 0 ? (
        <>
          <Typography.Paragraph>
            以下 {warnings.length} 条警告须逐条说明原因，说明随本版一并提交财政局：
          </Typography.Paragraph>
          <Form layout="vertical" component="div">
            {warnings.map((f) => {
              const key = findingKey(f);
              return (
                <Form.Item key={key} label={<FindingLine finding={f} />} style={{ marginBottom: 12 }}>
                  <Input.TextArea
                    aria-label={`说明：${f.message}`}
                    data-testid="explanation"
                    data-key={key}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    value={explanations[key] ?? ''}
                    onChange={(e) => setExplanations((x) => ({ ...x, [key]: e.target.value }))}
                  />
                </Form.Item>
              );
            })}
          </Form>
        </>
      ) : null}
      {failure === null ? null : (
        <Alert
          type="error"
          showIcon
          data-testid="submit-refused"
          message={failure}
          description={
            blocking === null || blocking.length === 0 ? undefined : (
              <List
                size="small"
                dataSource={blocking}
                renderItem={(f) => (
                  <List.Item>
                    <FindingLine finding={f} />
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
    </Modal>
  );
}
