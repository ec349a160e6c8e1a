import { Button, Col, ConfigProvider, Row, Space, Tabs, Tag, Typography } from 'antd';
import { DOCUMENT_KIND_LABELS } from '../../../src/domain/dataset/form-table.js';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import type { DatasetDetail, DatasetDocument } from '../api/types.js';
import { href, navigate } from '../router.js';
import { useAnalysis } from './use-analysis.js';
import { AdoptComputed } from './adopt-computed.js';
import { ConflictModal } from './conflict-modal.js';
import { DraftBanner } from './draft-banner.js';
import { LeaveGuard } from './leave-guard.js';
import { VersionsPanel } from './versions-panel.js';
import { setIn, type DocPath } from './document.js';
import { createEditorStore, EditorContext, indexFindings, type EditorApi, type EditorStore } from './editor-context.js';
import { FiguresPanel } from './figures-panel.js';
import { FindingsPanel } from './findings-panel.js';
import { ImportWorkbook } from './import-workbook.js';
import { focusPath, isTabKey, PART_TABS, RESULT_TABS, tabOfPath, type TabKey } from './parts.js';
import { PartPage, ResultPage } from './tab-pages.js';
import { AddPart } from './add-part.js';
import { documentKind, visibleParts } from './part-presence.js';
import { SaveStatusTag } from './save-status.js';
import { useAutosave } from './use-autosave.js';

// The editor's other parts, memoized: a keystroke renders the editor (it holds the document), and each of these
// (most hold a closed antd Modal, ~1 ms a render) should render only when its own props change.
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

/**
 * 数据集编辑器: one page per part; figures and findings recomputed in the browser as the user types (in a Web
 * Worker, so typing never waits for them; a keystroke renders only the fields it changes, see EditorStore);
 * autosave with revision numbers and conflict handling.
 */
export function DatasetEditor(props: DatasetEditorProps) {
  const { detail, readOnly } = props;
  const [doc, setDoc] = useState<DatasetDocument>(detail.document);
  const { analysis, of: analysed } = useAnalysis(doc);
  const lastGood = useRef<{ figures: Figures; forms: FormEvaluation[] } | null>(null);
  if (analysis.ok) lastGood.current = { figures: analysis.figures, forms: analysis.forms };
  const figures = lastGood.current?.figures ?? null;
  const findings: Finding[] = analysis.findings;
  const findingsAt = useMemo(() => indexFindings(findings), [findings]);
  const unit = (doc['unit'] === '元' ? '元' : '万元') satisfies MoneyUnit;

  const autosave = useAutosave({
    datasetId: detail.id,
    initialRevision: detail.latestRevision.revisionNo,
    doc,
    valid: analysed === doc ? analysis.ok : null,
    enabled: !readOnly,
    onReplace: setDoc,
  });

  const tab: TabKey = isTabKey(props.tab) ? props.tab : 'basic';
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  // A part the document lacks is shown once the user adds it, while it is open, or when a finding is on it.
  const shownParts = visibleParts(doc, new Set([...added, tab, ...findings.map((f) => tabOfPath(f.path))]));
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
  // Stable, so that the findings list does not render again on a keystroke that leaves the findings as they were.
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

  const docRef = useRef(doc);
  docRef.current = doc;
  const currentDoc = useCallback(() => docRef.current, []);
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  const onRestored = useCallback((restored: DatasetDocument, revisionNo: number) => {
    autosaveRef.current.adopt(restored, revisionNo);
    setDoc(restored);
  }, []);
  const saved = autosave.status === 'saved';
  const { actions } = props;
  const actionButtons = useMemo(
    () => actions?.({ revision: autosave.revision, saved }),
    [actions, autosave.revision, saved],
  );

  const editor: EditorApi = {
    doc,
    unit,
    // A read-only editor ignores changes even from controls that do not know they are disabled.
    set: (path, value) => (readOnly ? undefined : setDoc((d) => setIn(d, path, value))),
    update: (change) => (readOnly ? undefined : setDoc(change)),
    findingsAt,
    readOnly,
    figures,
    forms: lastGood.current?.forms ?? [],
  };
  const store = useRef<EditorStore | null>(null);
  store.current ??= createEditorStore(editor);
  store.current.replace(editor);
  const editorStore = store.current;
  useLayoutEffect(() => editorStore.notify());
  const dataset = analysis.ok ? analysis.dataset : null;
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
          datasetId={detail.id}
          revision={autosave.revision}
          unsaved={autosave.status !== 'saved'}
          dataset={dataset}
          figures={analysis.ok ? analysis.figures : null}
          forms={analysis.ok ? analysis.forms : []}
        />
      ),
    })),
  ];
  return (
    <EditorContext.Provider value={editorStore}>
      <div className="jx-editor-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.departmentName} · {detail.fiscalYear} 年度{' '}
            <Tag color="geekblue" data-testid="document-kind">
              {DOCUMENT_KIND_LABELS[documentKind(doc)]}
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
              disabled={!autosave.unsaved || analysis.ok !== true}
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
                <AddPart
                  doc={doc}
                  shown={shownParts}
                  readOnly={readOnly}
                  onAdd={(key, parts) => {
                    setAdded((s) => new Set([...s, key]));
                    if (parts.length > 0) setDoc((d) => parts.reduce((acc, p) => setIn(acc, p.path, p.value), d));
                    setTab(key);
                  }}
                />
              }
            />
          </ConfigProvider>
        </Col>
        <Col xs={24} xl={6}>
          <div className="jx-side">
            {props.side?.(openPath)}
            <FiguresPanel figures={figures} unit={unit} />
            <FindingsPanel
              findings={findings}
              stale={!analysis.ok}
              onOpen={openFinding}
              actions={<AdoptComputed doc={doc} findings={findings} readOnly={readOnly} onApply={setDoc} />}
            />
          </div>
        </Col>
      </Row>
      {readOnly ? null : (
        <Leave
          datasetId={detail.id}
          unsaved={autosave.unsaved}
          canSave={analysis.ok}
          save={autosave.saveNowAsync}
          discard={autosave.discard}
        />
      )}
      <Conflict conflict={autosave.conflict} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
    </EditorContext.Provider>
  );
}
