import { Button, Col, ConfigProvider, Row, Space, Tabs, Tag, Typography } from 'antd';
import { DOCUMENT_KIND_LABELS } from '../../../src/domain/dataset/form-table.js';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { DatasetDetail, DatasetDocument } from '../api/types.js';
import { href, navigate } from '../router.js';
import { analyse } from './analysis.js';
import { liveOf, useAnalysis } from './use-analysis.js';
import { ConflictModal } from './conflict-modal.js';
import { DraftBanner } from './draft-banner.js';
import { LeaveGuard } from './leave-guard.js';
import { VersionsPanel } from './versions-panel.js';
import { setIn, type DocPath } from './document.js';
import { createEditorStore, EditorContext, sameItems, useStoreSelect, type EditorStore } from './editor-context.js';
import { LiveFigures, LiveFindings } from './live-panels.js';
import { ImportWorkbook } from './import-workbook.js';
import { focusPath, isTabKey, PART_TABS, RESULT_TABS, tabOfPath, type TabKey } from './parts.js';
import { PartPage, ResultPage } from './tab-pages.js';
import { AddPart } from './add-part.js';
import { documentKind, visibleParts } from './part-presence.js';
import { SaveStatusTag } from './save-status.js';
import { useAutosave } from './use-autosave.js';

// The editor's other parts, memoized: each (most hold a closed antd Modal, ~1 ms a render) renders only when its
// own props change, not with every change of the save state.
const Versions = memo(VersionsPanel);
const Import = memo(ImportWorkbook);
const Draft = memo(DraftBanner);
const Leave = memo(LeaveGuard);
const Conflict = memo(ConflictModal);
const SaveStatus = memo(SaveStatusTag);

/** The editor's save state, for actions that must name the latest saved revision (提交审核). */
export type SaveState = { revision: number; saved: boolean };

export type DatasetEditorProps = {
  detail: DatasetDetail;
  tab: string | undefined;
  onReload: () => void;
  /** No input changes anything and nothing is saved (reviewers, administrators, a frozen revision). */
  readOnly: boolean;
  /** Above the pages (the state banner). */
  banner?: ReactNode;
  /** Buttons in the head, given the save state (the review actions). */
  actions?: (save: SaveState) => ReactNode;
  /** Panels above the findings, given a way to open the page of a field and focus it (审核意见). */
  side?: (open: (path: DocPath) => void) => ReactNode;
};

/** The editor's store, made once for the editor's life (the page mounts a new editor for another revision). */
function useNewStore(detail: DatasetDetail, readOnly: boolean): EditorStore {
  const store = useRef<EditorStore | null>(null);
  store.current ??= createEditorStore({
    doc: detail.document,
    readOnly,
    // The first analysis is computed here: the page opens with its figures and findings.
    analysis: liveOf(analyse(detail.document), null),
  });
  const made = store.current;
  useEffect(() => made.setReadOnly(readOnly), [made, readOnly]);
  return made;
}

/** The part pages to show: those the document has, those added, the open one and those with a finding. */
function useShownParts(store: EditorStore, added: ReadonlySet<string>, tab: TabKey) {
  return useStoreSelect(
    store,
    (e) => visibleParts(e.doc, new Set([...added, tab, ...e.analysis.findings.map((f) => tabOfPath(f.path))])),
    sameItems,
  );
}

/**
 * 数据集编辑器: one page per part; figures and findings recomputed in the browser as the user types (in the
 * keystroke itself, or in a Web Worker for a document too large for that: use-analysis.ts); autosave with revision numbers and conflict handling. The document is
 * in the editor's store (EditorStore), not in this component's state: a keystroke renders the field it changed and,
 * when the analysis comes back, what shows the figures and findings it changed — this component renders only when
 * the save state, the pages shown or the document's kind change.
 */
export function DatasetEditor(props: DatasetEditorProps) {
  const { detail, readOnly } = props;
  const store = useNewStore(detail, readOnly);
  useAnalysis(store);
  const passes = useStoreSelect(store, (e) => e.analysis.ok);
  const kind = useStoreSelect(store, (e) => documentKind(e.doc));

  const autosave = useAutosave({
    datasetId: detail.id,
    initialRevision: detail.latestRevision.revisionNo,
    store,
    enabled: !readOnly,
  });

  const tab: TabKey = isTabKey(props.tab) ? props.tab : 'basic';
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  // A part the document lacks is shown once the user adds it, while it is open, or when a finding is on it.
  const shownParts = useShownParts(store, added, tab);
  const setTab = useCallback((key: string) => navigate(href.dataset(detail.id, key), { replace: true }), [detail.id]);
  const pendingFocus = useRef<DocPath | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const path = pendingFocus.current;
    const timer = window.setTimeout(() => {
      focusPath(path);
      pendingFocus.current = null;
    }, 60);
    return () => window.clearTimeout(timer);
  });
  const openPath = (path: DocPath) => {
    pendingFocus.current = path;
    const target = tabOfPath(path);
    if (target === tab) focusPath(path);
    else setTab(target);
  };
  // Stable, so that the findings list does not render again when the editor does.
  const openLatest = useRef(openPath);
  openLatest.current = openPath;
  const openFinding = useCallback((finding: Finding) => openLatest.current(finding.path), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        autosave.saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave]);

  const currentDoc = useCallback(() => store.get().doc, [store]);
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  const onRestored = useCallback(
    (restored: DatasetDocument, revisionNo: number) => {
      autosaveRef.current.adopt(restored, revisionNo);
      store.setDoc(restored, null);
    },
    [store],
  );
  const saved = autosave.status === 'saved';
  const { actions } = props;
  const actionButtons = useMemo(
    () => actions?.({ revision: autosave.revision, saved }),
    [actions, autosave.revision, saved],
  );
  const addPart = (key: string, parts: { path: DocPath; value: unknown }[]) => {
    setAdded((s) => new Set([...s, key]));
    if (parts.length > 0) store.get().update((d) => parts.reduce((acc, p) => setIn(acc, p.path, p.value), d));
    setTab(key);
  };

  const items = [
    ...PART_TABS.filter((t) => shownParts.includes(t.key)).map((t) => ({
      key: t.key,
      label: t.label,
      children: <PartPage tab={t.key} />,
    })),
    ...RESULT_TABS.map((t) => ({
      key: t.key,
      label: t.label,
      children: (
        <ResultPage
          tab={t.key}
          active={t.key === tab}
          datasetId={detail.id}
          revision={autosave.revision}
          unsaved={autosave.status !== 'saved'}
        />
      ),
    })),
  ];
  return (
    <EditorContext.Provider value={store}>
      <div className="jx-editor-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.departmentName} · {detail.fiscalYear} 年度{' '}
            <Tag color="geekblue" data-testid="document-kind">
              {DOCUMENT_KIND_LABELS[kind]}
            </Tag>
          </Typography.Title>
          <SaveStatus
            status={autosave.status}
            revision={autosave.revision}
            failure={autosave.failure}
            readOnly={readOnly}
            onRetry={autosave.saveNow}
          />
        </div>
        <Space wrap>
          {readOnly ? null : (
            <Button
              type={autosave.unsaved ? 'primary' : 'default'}
              disabled={!autosave.unsaved || !passes}
              onClick={autosave.saveNow}
              data-testid="save-now"
            >
              保存
            </Button>
          )}
          <Versions
            datasetId={detail.id}
            revision={autosave.revision}
            unsaved={autosave.unsaved}
            readOnly={readOnly}
            onRestored={onRestored}
          />
          {actionButtons}
          {readOnly ? null : (
            <Import
              datasetId={detail.id}
              revision={autosave.revision}
              disabled={autosave.status === 'saving'}
              current={currentDoc}
              unsaved={autosave.unsaved}
              onImported={props.onReload}
            />
          )}
        </Space>
      </div>
      {props.banner}
      {readOnly ? null : (
        <Draft
          datasetId={detail.id}
          loaded={detail.document}
          latestRevision={detail.latestRevision.revisionNo}
          onRestore={autosave.restoreDraft}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <ConfigProvider componentDisabled={readOnly}>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={items}
              data-testid="editor-tabs"
              tabBarExtraContent={
                <AddPart current={currentDoc} shown={shownParts} readOnly={readOnly} onAdd={addPart} />
              }
            />
          </ConfigProvider>
        </Col>
        <Col xs={24} xl={6}>
          <div className="jx-side">
            {props.side?.(openPath)}
            <LiveFigures />
            <LiveFindings onOpen={openFinding} />
          </div>
        </Col>
      </Row>
      {readOnly ? null : (
        <Leave
          datasetId={detail.id}
          unsaved={autosave.unsaved}
          canSave={passes}
          save={autosave.saveNowAsync}
          discard={autosave.discard}
        />
      )}
      <Conflict conflict={autosave.conflict} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
    </EditorContext.Provider>
  );
}
