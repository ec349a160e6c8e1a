import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  EyeOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import type { SaveFailure, SaveStatus } from './use-autosave.js';

const VIEW: Readonly<Record<SaveStatus, { color: string; text: string; icon: React.ReactNode }>> = {
  saved: { color: 'green', text: '已保存', icon: <CheckCircleOutlined /> },
  pending: { color: 'default', text: '待保存', icon: <CloudSyncOutlined /> },
  saving: { color: 'processing', text: '保存中', icon: <SyncOutlined spin /> },
  invalid: { color: 'orange', text: '有错误，未保存', icon: <ExclamationCircleOutlined /> },
  conflict: { color: 'red', text: '版本冲突', icon: <ExclamationCircleOutlined /> },
  failed: { color: 'red', text: '保存失败', icon: <ExclamationCircleOutlined /> },
};

const READ_ONLY = { color: 'default', text: '只读', icon: <EyeOutlined /> };

/** 保存状态 with the revision number; a fixed width so the toolbar never jumps. */
export function SaveStatusTag(props: {
  status: SaveStatus;
  revision: number;
  failure: SaveFailure | null;
  readOnly: boolean;
  onRetry: () => void;
}) {
  const failure = props.status === 'failed' ? props.failure : null;
  const view = props.readOnly ? READ_ONLY : VIEW[props.status];
  return (
    <span data-testid="save-status" data-status={props.status} style={{ display: 'inline-block', minWidth: 220 }}>
      <Tooltip title={failure?.message}>
        <Tag color={view.color} icon={view.icon}>
          {view.text}
        </Tag>
      </Tooltip>
      <span data-testid="revision">第 {props.revision} 版</span>
      {failure === null ? null : (
        <span data-testid="save-failure" className="jx-field-error" style={{ marginLeft: 8 }}>
          {failure.message}
          {failure.retryInSeconds === null ? '' : `，${failure.retryInSeconds} 秒后自动重试`}
          {failure.waitingForLogin === true ? null : (
            <Button type="link" size="small" onClick={props.onRetry} data-testid="save-retry">
              立即重试
            </Button>
          )}
        </span>
      )}
    </span>
  );
}
