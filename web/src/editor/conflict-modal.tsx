import { DownloadOutlined } from '@ant-design/icons';
import { Button, Modal, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import type { DatasetDocument } from '../api/types.js';
import { parsePathText } from '../review/path-text.js';
import { describePath } from './field-labels.js';
import type { Conflict } from './use-autosave.js';

/** `projects[0].actual` (the server's) or `projects.0.actual` (compared here), in words. */
function fieldName(path: string): string {
  const parsed = parsePathText(path === '' ? '$' : `$.${path}`) ?? [];
  return describePath(parsed.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p))) || '整个数据集';
}

const show = (value: unknown) =>
  value === undefined ? <Typography.Text type="secondary">（无）</Typography.Text> : JSON.stringify(value);

/** 我的版本 as a JSON file (the dataset format the import accepts), so discarding it loses nothing. */
function downloadMine(doc: DatasetDocument): void {
  const department = doc['department'] as { name?: unknown } | undefined;
  const name = typeof department?.name === 'string' ? department.name : '数据集';
  const year = typeof doc['fiscalYear'] === 'number' ? `${doc['fiscalYear']}年度-` : '';
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}-${year}我的版本.json`;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 版本冲突: someone saved first. Both versions, field by field. Keeping mine saves it on top (their revision
 * stays in the history); taking theirs discards my unsaved edits, so the dialog offers them as a download first.
 */
export function ConflictModal(props: { conflict: Conflict | null; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const [downloaded, setDownloaded] = useState(false);
  const conflict = props.conflict;
  const changes = conflict?.changes ?? [];
  const theirs = conflict?.theirRevision ?? 0;
  const close = (then: () => void) => () => {
    setDownloaded(false);
    then();
  };
  const footer = (
    <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      <Button
        icon={<DownloadOutlined />}
        data-testid="download-mine"
        onClick={() => {
          if (conflict === null) return;
          downloadMine(conflict.mine);
          setDownloaded(true);
        }}
      >
        下载我的版本（数据文件）
      </Button>
      <Popconfirm
        title="放弃我的修改？"
        description={downloaded ? '您的版本已下载，可通过“导入”重新导入。' : '未下载的修改将无法找回。'}
        okText="放弃并采用服务器版本"
        cancelText="返回"
        okButtonProps={{ danger: true }}
        onConfirm={close(props.onTakeTheirs)}
      >
        <Button danger>放弃我的修改，采用第 {theirs} 版</Button>
      </Popconfirm>
      <Button type="primary" onClick={close(props.onKeepMine)}>
        保留我的修改（保存为第 {theirs + 1} 版）
      </Button>
    </div>
  );
  return (
    <Modal
      open={conflict !== null}
      title="版本冲突：他人已保存了新的版本"
      width={860}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={footer}
    >
      <Typography.Paragraph>
        您编辑期间，{conflict?.author ?? '其他用户'}保存了第 {theirs} 版。以下 {changes.length} 处不同：
      </Typography.Paragraph>
      <ul>
        <li>
          保留我的修改：以您的版本保存为第 {theirs + 1} 版，覆盖对方的这些修改；对方的第 {theirs} 版仍在修订记录中。
        </li>
        <li>
          采用服务器版本：您尚未保存的修改将被丢弃，不会进入修订记录。如需留存，请先“下载我的版本”，以后可通过“导入”重新导入。
        </li>
      </ul>
      <Table
        size="small"
        rowKey="path"
        pagination={changes.length > 10 ? { pageSize: 10 } : false}
        dataSource={changes}
        columns={[
          { title: '字段', width: 240, render: (_, c) => fieldName(c.path) },
          { title: '我的版本', render: (_, c) => show(c.mine) },
          { title: '服务器版本', render: (_, c) => show(c.theirs) },
        ]}
      />
    </Modal>
  );
}
