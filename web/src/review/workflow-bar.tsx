import { CheckOutlined, GlobalOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip, message } from 'antd';
import { useState } from 'react';
import { reviewApi } from '../api/accounts.js';
import type { User } from '../api/review-types.js';
import type { DatasetSummary } from '../api/types.js';
import { reviewActions } from '../auth/permissions.js';
import type { SaveState } from '../editor/dataset-editor.js';
import { ReturnDialog } from './return-dialog.js';
import { SubmitDialog } from './submit-dialog.js';

async function run(action: () => Promise<unknown>, done: string, onChanged: () => void): Promise<void> {
  try {
    await action();
    void message.success(done);
    onChanged();
  } catch (e) {
    void message.error(e instanceof Error ? e.message : String(e));
  }
}

/**
 * 审核操作 (submission names the latest revision, so it waits until every edit is saved): only the buttons the user's role may use in this state — 提交审核 for the department's editor,
 * 退回 / 审核通过 / 发布 for the bureau's reviewer, nothing for the administrator.
 */
export function WorkflowActions(props: {
  dataset: DatasetSummary;
  user: User;
  save: SaveState;
  previousExplanations: Record<string, string>;
  fieldComments: number;
  onChanged: () => void;
}) {
  const { dataset, user, save } = props;
  const [dialog, setDialog] = useState<'submit' | 'return' | null>(null);
  const actions = reviewActions(user, dataset.state);
  const reviewed = dataset.stateRevision ?? save.revision;
  const close = () => setDialog(null);
  const changed = () => {
    close();
    props.onChanged();
  };
  if (actions.length === 0) return null;
  return (
    <Space wrap>
      {actions.includes('submit') ? (
        <Tooltip title={save.saved ? undefined : '请等待修改保存完成'}>
          <Button type="primary" icon={<SendOutlined />} disabled={!save.saved} onClick={() => setDialog('submit')}>
            提交审核
          </Button>
        </Tooltip>
      ) : null}
      {actions.includes('return') ? (
        <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
          退回
        </Button>
      ) : null}
      {actions.includes('approve') ? (
        <Popconfirm
          title={`第 ${reviewed} 版审核通过？`}
          description="通过后可发布到公开报告。"
          okText="审核通过"
          cancelText="取消"
          onConfirm={() =>
            void run(() => reviewApi.approve(dataset.id, reviewed), `第 ${reviewed} 版已审核通过`, props.onChanged)
          }
        >
          <Button type="primary" icon={<CheckOutlined />}>
            审核通过
          </Button>
        </Popconfirm>
      ) : null}
      {actions.includes('publish') ? (
        <Popconfirm
          title={`发布第 ${reviewed} 版？`}
          description="发布后任何人都可在“公开报告”中阅读和下载。"
          okText="发布"
          cancelText="取消"
          onConfirm={() =>
            void run(() => reviewApi.publish(dataset.id, reviewed), `第 ${reviewed} 版已发布`, props.onChanged)
          }
        >
          <Button type="primary" icon={<GlobalOutlined />} data-testid="publish-button">
            发布
          </Button>
        </Popconfirm>
      ) : null}
      <SubmitDialog
        open={dialog === 'submit'}
        datasetId={dataset.id}
        revision={save.revision}
        previous={props.previousExplanations}
        onClose={close}
        onSubmitted={() => {
          void message.success(`第 ${save.revision} 版已提交审核`);
          changed();
        }}
      />
      <ReturnDialog
        open={dialog === 'return'}
        datasetId={dataset.id}
        revision={reviewed}
        fieldComments={props.fieldComments}
        onClose={close}
        onReturned={() => {
          void message.success(`第 ${reviewed} 版已退回`);
          changed();
        }}
      />
    </Space>
  );
}
