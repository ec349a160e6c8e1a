import { useEffect, useRef, type RefObject } from 'react';
import type { DatasetDocument } from '../api/types.js';
import { writeDraft } from './drafts.js';
import type { EditorStore } from './editor-context.js';

const DRAFT_DELAY_MS = 300;
/** The longest a draft waits for the browser to be idle once the typing has paused. */
const IDLE_WAIT_MS = 1000;

const whenIdle = (run: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 0);
  return () => window.clearTimeout(timer);
};

/**
 * 本地草稿: every unsaved change is kept in this browser until it is saved (or discarded). Not on every keystroke
 * (the whole document goes to localStorage as JSON): once the typing pauses, when the browser is idle — and at once
 * when the page is hidden or unloaded, so a reload or a closed tab right after a keystroke keeps it too.
 */
export function useDraftKeeper(options: {
  store: EditorStore;
  datasetId: number;
  enabled: boolean;
  savedDoc: RefObject<DatasetDocument>;
  revision: number;
}) {
  const { store, datasetId, enabled, savedDoc, revision } = options;
  const revisionRef = useRef(revision);
  revisionRef.current = revision;
  const schedule = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    let cancelIdle: (() => void) | null = null;
    const cancel = () => {
      window.clearTimeout(timer);
      timer = undefined;
      cancelIdle?.();
      cancelIdle = null;
    };
    const write = () => {
      cancel();
      const doc = store.get().doc;
      if (doc !== savedDoc.current) writeDraft(datasetId, revisionRef.current, doc, new Date());
    };
    const later = () => {
      cancel();
      timer = window.setTimeout(() => {
        timer = undefined;
        cancelIdle = whenIdle(write);
      }, DRAFT_DELAY_MS);
    };
    schedule.current = () => (store.get().doc === savedDoc.current ? cancel() : later());
    const stopDoc = store.onDoc(() => schedule.current());
    const flush = () => {
      if (timer !== undefined || cancelIdle !== null) write();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      stopDoc();
      cancel();
      schedule.current = () => undefined;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [store, datasetId, enabled, savedDoc]);

  // A save of an earlier state moved the base revision: the draft of the later edits is kept under the new one.
  useEffect(() => {
    schedule.current();
  }, [revision]);
}
