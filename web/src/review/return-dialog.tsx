import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { reviewApi } from '../api/accounts.js';

/**
 * 退回: the submitted revision goes back to the department with a comment; field comments already made on it
 * count as the reason, so the overall comment is then optional (the server checks the same).
 */
export function ReturnDialog(props: {
  open: boolean;
  datasetId: number;
  revision: number;
  fieldComments: number;
  onClose: () => void;
  onReturned: () => void;
}) {
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needed = props.fieldComments === 0;
  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const text = comment.trim();
      await reviewApi.return(props.datasetId, props.revision, text === '' ? undefined : text);
      setComment('');
      props.onReturned();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={`退回第 ${props.revision} 版`}
      okText="退回"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: needed && comment.trim() === '' }}
      confirmLoading={busy}
      onOk={() => void send()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>
        {needed
          ? '请写明退回意见，部门将据此修改后重新提交。'
          : `已对字段提出 ${props.fieldComments} 条意见，部门将逐条看到；可再写一段总体意见。`}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="退回意见"
        autoSize={{ minRows: 3, maxRows: 8 }}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {failure === null ? null : <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
