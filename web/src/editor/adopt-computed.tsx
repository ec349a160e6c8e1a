import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { DatasetDocument } from '../api/types.js';
import { changeLines } from './change-lines.js';
import { setIn } from './document.js';

/** A stated figure (报告陈述数, or a project's stated rate) that differs from the computed one beyond rounding. */
export function isStatedMismatch(finding: Finding): boolean {
  return (
    finding.severity !== 'info' &&
    finding.figures?.['computed'] !== undefined &&
    finding.figures['declared'] !== undefined &&
    finding.path.includes('declared')
  );
}

/** "840.75万元" / "84.18%" → "840.75" / "84.18", as the document stores them. */
const bare = (printed: string) => printed.replace(/(万元|元|%)$/, '').replace(/,/g, '');

/** The document with every mismatching stated figure replaced by the computed one. */
export function withComputedFigures(doc: DatasetDocument, findings: readonly Finding[]): DatasetDocument {
  return findings
    .filter(isStatedMismatch)
    .reduce((next, f) => setIn(next, f.path, bare(f.figures?.['computed'] ?? '')), doc);
}

/**
 * 采用计算数: one action that takes the computed figures for every stated figure that no longer matches them
 * (after an edit of the raw data), showing each change before it is applied. Rounding differences (提示) stay as
 * stated: the report prints the certified figure for those.
 */
export function AdoptComputed(props: {
  /** How many stated figures differ from the computed ones (the button shows it). */
  count: number;
  /** The document and its findings now (read when the dialog opens or is confirmed, not on every keystroke). */
  current: () => DatasetDocument;
  findings: () => readonly Finding[];
  readOnly: boolean;
  onApply: (doc: DatasetDocument) => void;
}) {
  const [open, setOpen] = useState(false);
  if (props.count === 0 || props.readOnly) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="adopt-computed" style={{ marginTop: 8 }}>
        采用计算数（{props.count} 项）
      </Button>
      {/* Mounted only while open: a closed antd Modal still renders (~1 ms) whenever the count changes. */}
      {open ? (
        <AdoptDialog
          current={props.current}
          findings={props.findings}
          onClose={() => setOpen(false)}
          onApply={props.onApply}
        />
      ) : null}
    </>
  );
}

function AdoptDialog(props: {
  current: () => DatasetDocument;
  findings: () => readonly Finding[];
  onClose: () => void;
  onApply: (doc: DatasetDocument) => void;
}) {
  const doc = props.current();
  const lines = changeLines(doc, withComputedFigures(doc, props.findings()));
  return (
    <Modal
      open
      title="采用计算数"
      okText="采用以上计算数"
      cancelText="取消"
      onCancel={props.onClose}
      onOk={() => {
        props.onApply(withComputedFigures(props.current(), props.findings()));
        props.onClose();
      }}
    >
      <Typography.Paragraph>以下报告陈述数与按原始数据计算的结果不一致，将改为计算数：</Typography.Paragraph>
      <ul className="jx-change-lines" data-testid="adopt-changes">
        {lines.map((line, i) => (
          <li key={i}>{line.text}</li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary">仅属舍入差异的陈述数保持不变，报告按陈述数印出。</Typography.Paragraph>
    </Modal>
  );
}
