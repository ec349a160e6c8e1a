import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import type { DatasetDocument } from '../api/types.js';
import type { DocPath } from './document.js';

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
};

/**
 * The editor's state as a store rather than a context value: a keystroke changes the document, and a context value
 * would re-render every field of every open page (~70 ms a keystroke on the seed). Components that read a part
 * (`useEditorSelect`) re-render only when that part changes; `useEditor` still gives the whole state.
 */
export type EditorStore = {
  get: () => EditorApi;
  subscribe: (listener: () => void) => () => void;
  /** Replaces the state (during the editor's render) … */
  replace: (api: EditorApi) => void;
  /** … and tells the readers (in its layout effect, so that they render before the frame is painted). */
  notify: () => void;
};

export function createEditorStore(initial: EditorApi): EditorStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replace: (api) => {
      current = api;
    },
    notify: () => {
      for (const listener of [...listeners]) listener();
    },
  };
}

export const EditorContext = createContext<EditorStore | null>(null);

function useStore(): EditorStore {
  const store = useContext(EditorContext);
  if (store === null) throw new Error('useEditor outside <EditorContext>');
  return store;
}

/** The whole editor state: the component renders again on every change (a keystroke anywhere). */
export function useEditor(): EditorApi {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * One part of the editor state; the component renders again only when `select` gives a different value
 * (`Object.is`, or `equal`). `select` may be a new function on every render.
 */
export function useEditorSelect<T>(select: (api: EditorApi) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const store = useStore();
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

/** The editor's actions (stable across renders: they read the latest state when called). */
export function useEditorActions(): Pick<EditorApi, 'set' | 'update'> {
  const store = useStore();
  const actions = useRef<Pick<EditorApi, 'set' | 'update'> | null>(null);
  actions.current ??= {
    set: (path, value) => store.get().set(path, value),
    update: (change) => store.get().update(change),
  };
  return actions.current;
}

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.path.join('.');
    map.set(key, [...(map.get(key) ?? []), finding]);
  }
  return map;
}
