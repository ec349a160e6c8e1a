import { Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { href, setLeaveGuard } from '../router.js';

type Pending = { to: string; proceed: () => void };

/**
 * 离开确认: while the editor holds unsaved or invalid edits, any move to another page of the app asks first —
 * 保存并离开 (only when the edits are valid), 放弃修改, or 留在此页. The editor's own tabs need no question.
 */
export function LeaveGuard(props: {
  datasetId: number;
  unsaved: boolean;
  /** The edits can be saved (they pass validation). */
  canSave: boolean;
  save: () => Promise<boolean>;
  discard: () => void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const own = href.dataset(props.datasetId).replace(/^#/, '');
  useEffect(() => {
    if (!props.unsaved) return;
    return setLeaveGuard({
      allows: (to) => {
        const path = to.replace(/^#/, '');
        return path === own || path.startsWith(`${own}/`);
      },
      ask: (to, proceed) => {
        setSaveFailed(false);
        setPending({ to, proceed });
      },
    });
  }, [props.unsaved, own]);

  const latest = useRef(props);
  latest.current = props;
  const leave = () => {
    const go = pending?.proceed;
    setPending(null);
    go?.();
  };
  const saveAndLeave = async () => {
    setSaving(true);
    const saved = await latest.current.save();
    setSaving(false);
    if (saved) leave();
    else setSaveFailed(true);
  };
  const discardAndLeave = () => {
    latest.current.discard();
    leave();
  };
  return (
    <Modal
      open={pending !== null}
      title="有尚未保存的修改"
      onCancel={() => setPending(null)}
      footer={
        <Space data-testid="leave-dialog-actions">
          <Button onClick={() => setPending(null)}>留在此页</Button>
          <Button danger onClick={discardAndLeave}>
            放弃修改
          </Button>
          <Button type="primary" disabled={!props.canSave} loading={saving} onClick={() => void saveAndLeave()}>
            保存并离开
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>离开此页前，请选择如何处理本页尚未保存的修改。</Typography.Paragraph>
      {props.canSave ? null : (
        <Typography.Paragraph type="warning">
          有字段未通过校验，暂时无法保存；可留在此页修改，或放弃修改后离开。未保存的修改已暂存在本浏览器中。
        </Typography.Paragraph>
      )}
      {saveFailed ? (
        <Typography.Paragraph type="danger">保存未成功，请查看页面上方的保存状态。</Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
