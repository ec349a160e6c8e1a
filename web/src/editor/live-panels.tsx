import { memo, useCallback } from 'react';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { DatasetDocument } from '../api/types.js';
import { AdoptComputed } from './adopt-computed.js';
import { useEditorSelect, useEditorStore } from './editor-context.js';
import { FiguresPanel } from './figures-panel.js';
import { FindingsPanel } from './findings-panel.js';
import { sameValue } from './same-value.js';

/** 主要数字 of the editor's last valid state: renders when the figures (or the unit) change. */
export const LiveFigures = memo(function LiveFigures() {
  const figures = useEditorSelect((e) => e.figures, sameValue);
  const unit = useEditorSelect((e) => e.unit);
  return <FiguresPanel figures={figures} unit={unit} />;
});

/** 采用计算数 on the editor's findings; reads the document only when the user applies it. */
function LiveAdoptComputed(props: { findings: readonly Finding[] }) {
  const store = useEditorStore();
  const readOnly = useEditorSelect((e) => e.readOnly);
  const current = useCallback(() => store.get().doc, [store]);
  const apply = useCallback((doc: DatasetDocument) => store.setDoc(doc, null), [store]);
  return <AdoptComputed current={current} findings={props.findings} readOnly={readOnly} onApply={apply} />;
}

/** 审核发现 of the editor's latest analysis: renders when the findings change, not on every keystroke. */
export const LiveFindings = memo(function LiveFindings(props: { onOpen: (finding: Finding) => void }) {
  const findings = useEditorSelect((e) => e.analysis.findings);
  const stale = useEditorSelect((e) => !e.analysis.ok);
  return (
    <FindingsPanel
      findings={findings}
      stale={stale}
      onOpen={props.onOpen}
      actions={<LiveAdoptComputed findings={findings} />}
    />
  );
});
