import { memo, useCallback } from 'react';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { DatasetDocument } from '../api/types.js';
import { AdoptComputed, isStatedMismatch } from './adopt-computed.js';
import { useEditorSelect, useEditorStore } from './editor-context.js';
import { FiguresPanel } from './figures-panel.js';
import { FindingsPanel } from './findings-panel.js';

/** 主要数字 of the editor's last valid state (each figure renders when its text changes). */
export const LiveFigures = FiguresPanel;

/**
 * 采用计算数 on the editor's findings: renders when the number of stated figures to adopt changes; reads the
 * document and the findings when the user opens or applies it.
 */
const LiveAdoptComputed = memo(function LiveAdoptComputed() {
  const store = useEditorStore();
  const readOnly = useEditorSelect((e) => e.readOnly);
  const count = useEditorSelect((e) => e.analysis.findings.filter(isStatedMismatch).length);
  const current = useCallback(() => store.get().doc, [store]);
  const findings = useCallback(() => store.get().analysis.findings, [store]);
  const apply = useCallback((doc: DatasetDocument) => store.setDoc(doc, null), [store]);
  return <AdoptComputed count={count} current={current} findings={findings} readOnly={readOnly} onApply={apply} />;
});

/** 审核发现 of the editor's latest analysis: renders when the findings change, not on every keystroke. */
export const LiveFindings = memo(function LiveFindings(props: { onOpen: (finding: Finding) => void }) {
  const findings = useEditorSelect((e) => e.analysis.findings);
  const stale = useEditorSelect((e) => !e.analysis.ok);
  return <FindingsPanel findings={findings} stale={stale} onOpen={props.onOpen} actions={<LiveAdoptComputed />} />;
});
