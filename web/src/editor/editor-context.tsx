import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import type { DatasetDocument } from '../api/types.js';
import { setIn, type DocPath } from './document.js';

/** The result of the live analysis of one state of the document, as the editor keeps it. */
export type LiveAnalysis = {
  /** The document parses (figures and forms are then of it). */
  ok: boolean;
  findings: readonly Finding[];
  /** Of this state when it parses; else the last that did (null until one does). */
  figures: Figures | null;
  forms: readonly FormEvaluation[];
};

/** What every field of the editor needs: the document, a way to change it, and the findings about each field. */
export type EditorApi = {
  doc: DatasetDocument;
  unit: MoneyUnit;
  /** Sets the value at `path` (undefined removes an optional field). */
  set: (path: DocPath, value: unknown) => void;
  /** Replaces the whole document through a function (row add/remove). */
  update: (change: (doc: DatasetDocument) => DatasetDocument) => void;
  /** Findings by `pathKey` of the field they name. */
  findingsAt: ReadonlyMap<string, readonly Finding[]>;
  readOnly: boolean;
  /** Figures of the last valid state of the document (null until it first parses). */
  figures: Figures | null;
  /** 自评表 scored under the dataset's pack (`forms[i]` is `forms[i].index`), of the last valid state. */
  forms: readonly FormEvaluation[];
  /** The latest analysis, and the state of the document it is of (`analysed === doc` once it has caught up). */
  analysis: LiveAnalysis;
  analysed: DatasetDocument;
};

/** One field changed (the analysis sends only this to its worker), or null: the whole document was replaced. */
export type DocPatch = { path: DocPath; value: unknown } | null;

/**
 * The editor's state, held outside React: a keystroke changes the document here, and only the components that read
 * the part it changed render again (`useEditorSelect`) — not the editor around them, nor every field of every open
 * page (a context value did that: ~70 ms a keystroke on the seed).
 */
export type EditorStore = {
  get: () => EditorApi;
  subscribe: (listener: () => void) => () => void;
  /** A new state of the document (by a user's edit, a restored version, the other side of a conflict …). */
  setDoc: (doc: DatasetDocument, patch: DocPatch) => void;
  /** The analysis of `of` has come back. */
  setAnalysis: (analysis: LiveAnalysis, of: DatasetDocument) => void;
  setReadOnly: (readOnly: boolean) => void;
  /** Called on every change of the document, before the readers render (the analysis, the autosave). */
  onDoc: (listener: (doc: DatasetDocument, patch: DocPatch) => void) => () => void;
};

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.path.join('.');
    map.set(key, [...(map.get(key) ?? []), finding]);
  }
  return map;
}

const unitOf = (doc: DatasetDocument): MoneyUnit => (doc['unit'] === '元' ? '元' : '万元');

export function createEditorStore(initial: { doc: DatasetDocument; readOnly: boolean; analysis: LiveAnalysis }) {
  const listeners = new Set<() => void>();
  const docListeners = new Set<(doc: DatasetDocument, patch: DocPatch) => void>();
  // While the document's listeners run (the analysis sets its result among them), their changes wait for the one
  // notification after them: every reader's selector runs once a keystroke, not once per change.
  let inDocListeners = false;
  const notify = () => {
    if (inDocListeners) return;
    for (const listener of [...listeners]) listener();
  };
  // A read-only editor ignores changes even from controls that do not know they are disabled.
  const set = (path: DocPath, value: unknown) => {
    if (!state.readOnly) store.setDoc(setIn(state.doc, path, value), { path, value });
  };
  const update = (change: (doc: DatasetDocument) => DatasetDocument) => {
    if (!state.readOnly) store.setDoc(change(state.doc), null);
  };
  let state: EditorApi = {
    doc: initial.doc,
    unit: unitOf(initial.doc),
    set,
    update,
    findingsAt: indexFindings(initial.analysis.findings),
    readOnly: initial.readOnly,
    figures: initial.analysis.figures,
    forms: initial.analysis.forms,
    analysis: initial.analysis,
    analysed: initial.doc,
  };
  const store: EditorStore = {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDoc: (doc, patch) => {
      if (doc === state.doc) return;
      state = { ...state, doc, unit: unitOf(doc) };
      inDocListeners = true;
      try {
        for (const listener of [...docListeners]) listener(doc, patch);
      } finally {
        inDocListeners = false;
      }
      notify();
    },
    setAnalysis: (analysis, of) => {
      const findingsAt =
        analysis.findings === state.analysis.findings ? state.findingsAt : indexFindings(analysis.findings);
      state = { ...state, analysis, analysed: of, findingsAt, figures: analysis.figures, forms: analysis.forms };
      notify();
    },
    setReadOnly: (readOnly) => {
      if (readOnly === state.readOnly) return;
      state = { ...state, readOnly };
      notify();
    },
    onDoc: (listener) => {
      docListeners.add(listener);
      return () => docListeners.delete(listener);
    },
  };
  return store;
}

export const EditorContext = createContext<EditorStore | null>(null);

/** The store of the editor around the component. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (store === null) throw new Error('useEditor outside <EditorContext>');
  return store;
}

/**
 * One part of the state of `store`; the component renders again only when `select` gives a different value
 * (`Object.is`, or `equal`). `select` may be a new function on every render.
 */
export function useStoreSelect<T>(
  store: EditorStore,
  select: (api: EditorApi) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ api: EditorApi; select: (api: EditorApi) => T; value: T } | null>(null);
  const getSelected = () => {
    const api = store.get();
    const previous = last.current;
    if (previous !== null && previous.api === api && previous.select === select) return previous.value;
    const value = select(api);
    const kept = previous !== null && equal(previous.value, value) ? previous.value : value;
    last.current = { api, select, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, getSelected);
}

/** One part of the editor state (see useStoreSelect). */
export function useEditorSelect<T>(select: (api: EditorApi) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  return useStoreSelect(useEditorStore(), select, equal);
}

/** The editor's actions (stable: they read the latest state when called). */
export function useEditorActions(): Pick<EditorApi, 'set' | 'update'> {
  const store = useEditorStore();
  const actions = useRef<Pick<EditorApi, 'set' | 'update'> | null>(null);
  actions.current ??= { set: store.get().set, update: store.get().update };
  return actions.current;
}

/** Lists equal item by item (`Object.is`): a selection of several values that renders only when one changes. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
