import { Modal, Table, Typography } from 'antd';
import { diffDocuments } from './document.js';
import type { Conflict } from './use-autosave.js';

const show = (value: unknown) =>
  value === undefined ? <Typography.Text type="secondary">（无）</Typography.Text> : JSON.stringify(value);

/** 版本冲突: someone saved first. Both versions, field by field; the user keeps one of them. */
export function ConflictModal(props: { conflict: Conflict | null; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const changes = props.conflict === null ? [] : diffDocuments(props.conflict.mine, props.conflict.theirs);
  return (
    <Modal
      open={props.conflict !== null}
      title="版本冲突：他人已保存了新的版本"
      width={860}
      closable={false}
      maskClosable={false}
      okText="保留我的修改（另存为新版本）"
      cancelText={`采用服务器版本（第 ${props.conflict?.theirRevision ?? ''} 版）`}
      onOk={props.onKeepMine}
      onCancel={props.onTakeTheirs}
    >
      <Typography.Paragraph>
        您编辑期间，{props.conflict?.author ?? '其他用户'}保存了第 {props.conflict?.theirRevision} 版。以下{' '}
        {changes.length} 处不同，请选择保留哪一个版本（两个版本都会保存在修订记录中）。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="path"
        pagination={changes.length > 10 ? { pageSize: 10 } : false}
        dataSource={changes}
        columns={[
          { title: '字段', dataIndex: 'path', width: 240 },
          { title: '我的版本', render: (_, c) => show(c.mine) },
          { title: '服务器版本', render: (_, c) => show(c.theirs) },
        ]}
      />
    </Modal>
  );
}
