import { Alert, Button, Collapse, Empty, Modal, Space, Typography } from 'antd';
import type { DatasetDocument } from '../api/types.js';
import { changeLines, type ChangeLine } from './change-lines.js';
import { getIn } from './document.js';
import { documentKind } from './part-presence.js';
import { DOCUMENT_KIND_LABELS } from '../../../src/domain/dataset/form-table.js';

/** What an import would change: the lines by page, and what makes it look like another dataset's file. */
export type ImportPreviewData = { fileName: string; file: File; lines: ChangeLine[]; warnings: string[] };

const text = (doc: DatasetDocument, path: string[]): string => {
  const value = getIn(doc, path);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** Warnings when the file is for another department, year or kind of document than the one open. */
export function importWarnings(current: DatasetDocument, imported: DatasetDocument): string[] {
  const out: string[] = [];
  const name = (d: DatasetDocument) => text(d, ['department', 'name']);
  const code = (d: DatasetDocument) => text(d, ['department', 'code']);
  if (name(current) !== name(imported))
    out.push(`文件中的部门是“${name(imported)}”，当前数据集是“${name(current)}”：可能选错了文件。`);
  else if (code(current) !== '' && code(imported) !== '' && code(current) !== code(imported))
    out.push(`文件中的预算编码是 ${code(imported)}，当前数据集是 ${code(current)}。`);
  if (current['fiscalYear'] !== imported['fiscalYear'])
    out.push(`文件是 ${text(imported, ['fiscalYear'])} 年度，当前数据集是 ${text(current, ['fiscalYear'])} 年度。`);
  if (documentKind(current) !== documentKind(imported))
    out.push(
      `文件的文档类型是“${DOCUMENT_KIND_LABELS[documentKind(imported)]}”，当前是“${DOCUMENT_KIND_LABELS[documentKind(current)]}”。`,
    );
  return out;
}

export function previewOf(file: File, current: DatasetDocument, imported: DatasetDocument): ImportPreviewData {
  return {
    fileName: file.name,
    file,
    lines: changeLines(current, imported),
    warnings: importWarnings(current, imported),
  };
}

/** 导入预览: nothing is written until 确认导入. */
export function ImportPreview(props: {
  preview: ImportPreviewData | null;
  unsaved: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const p = props.preview;
  const tabs = [...new Set((p?.lines ?? []).map((l) => l.tab))];
  return (
    <Modal
      open={p !== null}
      width={760}
      title={`导入“${p?.fileName ?? ''}”前请确认`}
      onCancel={props.onCancel}
      footer={
        <Space>
          <Button onClick={props.onCancel} data-testid="import-cancel">
            取消，不导入
          </Button>
          <Button
            type="primary"
            danger={(p?.warnings.length ?? 0) > 0}
            disabled={p?.lines.length === 0}
            loading={props.busy}
            onClick={props.onConfirm}
            data-testid="import-confirm"
          >
            确认导入（保存为新版本）
          </Button>
        </Space>
      }
    >
      <div data-testid="import-preview">
        {(p?.warnings ?? []).map((w) => (
          <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} data-testid="import-warning" />
        ))}
        {props.unsaved ? (
          <Alert
            type="info"
            showIcon
            message="当前有未保存的修改，导入后将被文件内容替换。"
            style={{ marginBottom: 8 }}
          />
        ) : null}
        <Typography.Paragraph>
          {p?.lines.length === 0
            ? '文件内容与当前数据相同，无需导入。'
            : `导入将修改 ${p?.lines.length ?? 0} 处（按页列出）；尚未写入任何数据。`}
        </Typography.Paragraph>
        {tabs.length === 0 ? (
          <Empty description="没有变化" />
        ) : (
          <Collapse
            size="small"
            defaultActiveKey={tabs.slice(0, 3)}
            items={tabs.map((tab) => {
              const lines = (p?.lines ?? []).filter((l) => l.tab === tab);
              return {
                key: tab,
                label: `${tab}（${lines.length} 处）`,
                children: (
                  <ul className="jx-change-lines" data-testid="import-change-lines">
                    {lines.slice(0, 200).map((l, i) => (
                      <li key={i}>{l.text}</li>
                    ))}
                    {lines.length > 200 ? <li>…… 另有 {lines.length - 200} 处</li> : null}
                  </ul>
                ),
              };
            })}
          />
        )}
      </div>
    </Modal>
  );
}
