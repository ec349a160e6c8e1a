import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError, isUnauthenticated } from '../api/http.js';
import { useLogins } from '../auth/session-store.js';
import { writtenRevisionNo } from '../api/revision-of.js';
import type { ConflictBody, ConflictDetails, DatasetDocument } from '../api/types.js';
import { diffDocuments, type DocChange } from './document.js';
import { clearDrafts } from './drafts.js';
import { useStoreSelect, type EditorStore } from './editor-context.js';
import { useDraftKeeper } from './use-draft-keeper.js';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'conflict' | 'failed';

export type Conflict = {
  mine: DatasetDocument;
  theirs: DatasetDocument;
  theirRevision: number;
  author?: string;
  /** Field by field, as the server computed them (else compared here). */
  changes: DocChange[];
};

/**
 * Why the last save failed, and when it is tried again by itself (null: only by the user's 重试, or — when the
 * session ended — right after the user signs in again).
 */
export type SaveFailure = { message: string; retryInSeconds: number | null; waitingForLogin?: boolean };

const EXPIRED: SaveFailure = {
  message: '登录已过期，请重新登录；修改仍保留，登录后自动保存',
  retryInSeconds: null,
  waitingForLogin: true,
};

/**
 * 编辑会话: a revision is written when a session ends, not on every pause — on 保存 (or Ctrl+S), on leaving the
 * page (保存并离开, or the tab going to the background), or after this long without a change. Between saves the
 * draft is kept in localStorage (drafts.ts), so nothing typed is lost meanwhile.
 */
export const IDLE_SAVE_MS = 2 * 60 * 1000;

/** 2, 4, 8, 16, 32, then every 60 s after the 1st, 2nd, 3rd … failure in a row. */
export function retryDelaySeconds(failures: number): number {
  return Math.min(60, 2 ** Math.max(1, failures));
}

/** Network trouble and server errors pass; a refusal (400, 404, 413, 415 …) will not change by retrying. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function conflictOf(error: unknown, mine: DatasetDocument): Conflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as ConflictBody | null;
  if (body === null || typeof body !== 'object') return null;
  const details: Partial<ConflictDetails> = 'details' in body ? body.details : body;
  const latest = details.latest;
  if (latest === undefined) return null;
  const changes =
    details.changes?.map((c) => ({ path: c.pathText.replace(/^\$\.?/, ''), mine: c.new, theirs: c.old })) ??
    diffDocuments(mine, latest.document);
  return { mine, theirs: latest.document, theirRevision: latest.revisionNo, author: latest.author, changes };
}

/** The document now, and whether it passes (null while its analysis has not come back). */
function current(store: EditorStore): { doc: DatasetDocument; valid: boolean | null } {
  const { doc, analysed, analysis } = store.get();
  return { doc, valid: analysed === doc ? analysis.ok : null };
}

/**
 * 自动保存: a valid document is saved when the editing session ends (see IDLE_SAVE_MS), based on the revision it
 * was loaded at. A 409 stops autosave and hands both versions to the user; nothing is overwritten silently. A
 * failed save is retried with growing pauses (2 s … 60 s); leaving the page with unsaved edits asks first.
 * It follows the document in the editor's store without rendering on each keystroke: the component using it renders
 * when the save state changes (the first edit after a save, a save, a failure), not as the user types.
 */
export function useAutosave(options: {
  datasetId: number;
  initialRevision: number;
  store: EditorStore;
  /** False on a read-only editor: nothing is ever saved. */
  enabled: boolean;
}) {
  const { datasetId, store, enabled } = options;
  const logins = useLogins();
  const [revision, setRevision] = useState(options.initialRevision);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const failures = useRef(0);
  const savedDoc = useRef(store.get().doc);
  const inFlight = useRef(false);
  // 保存 asked for while the check of the latest edit was still running (or another save was under way).
  const [requested, setRequested] = useState(false);
  const latest = useRef({ revision, status, enabled, failure, requested });
  latest.current = { revision, status, enabled, failure, requested };
  // Whether the document differs from the saved one: flips on the first edit after a save, not on every key.
  const changed = useStoreSelect(store, (s) => s.doc !== savedDoc.current);
  // Whether the latest analysis passed (the save waits for the one of the current document, see `current`).
  const passes = useStoreSelect(store, (s) => s.analysis.ok);

  const waiters = useRef<((saved: boolean) => void)[]>([]);
  const settle = useCallback((saved: boolean) => {
    setRequested(false);
    for (const resolve of waiters.current.splice(0)) resolve(saved);
  }, []);

  const save = useCallback(
    async (document: DatasetDocument, basedOn: number): Promise<boolean> => {
      inFlight.current = true;
      setStatus('saving');
      try {
        const result = await api.save(datasetId, basedOn, document);
        savedDoc.current = document;
        // The revision we wrote, never a later one someone else saved meanwhile (that must come back as a 409).
        setRevision(writtenRevisionNo(result, basedOn));
        failures.current = 0;
        setFailure(null);
        setStatus('saved');
        if (savedDoc.current === store.get().doc) clearDrafts(datasetId);
        return true;
      } catch (e) {
        const found = conflictOf(e, document);
        if (isUnauthenticated(e)) {
          setFailure(EXPIRED);
          setStatus('failed');
        } else if (found !== null) {
          setConflict(found);
          setStatus('conflict');
        } else {
          failures.current += 1;
          const message = e instanceof Error ? e.message : String(e);
          setFailure({ message, retryInSeconds: retryable(e) ? retryDelaySeconds(failures.current) : null });
          setStatus('failed');
        }
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [datasetId, store],
  );

  // What to do now, from the document and the save state: run on each change of either (a keystroke restarts the
  // idle timer here, without a render). The timer saves the document it was set for.
  const timer = useRef<number | undefined>(undefined);
  const plan = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const { doc, valid } = current(store);
    const { revision: rev, status: st, enabled: on, failure: failed, requested: asked } = latest.current;
    if (asked && !inFlight.current && (doc === savedDoc.current || st === 'conflict')) settle(doc === savedDoc.current);
    if (!on || doc === savedDoc.current || st === 'conflict') return;
    // An edit is unsaved from the moment it is made: 待保存 at once, also while its check is still running (a restored
    // draft's whole document takes a moment), never 已保存 over a document that differs from the saved one.
    if (st === 'saved') setStatus('pending');
    if (valid === null) return;
    if (!valid) {
      if (st !== 'invalid') setStatus('invalid');
      if (asked) settle(false);
      return;
    }
    let delay = asked ? 0 : IDLE_SAVE_MS;
    if (st === 'failed' && asked) settle(false);
    if (st === 'failed') {
      if (failed?.retryInSeconds == null) return;
      delay = failed.retryInSeconds * 1000;
    } else if (st !== 'pending' && st !== 'saving') setStatus((s) => (s === 'saving' ? s : 'pending'));
    timer.current = window.setTimeout(() => {
      if (!inFlight.current) void save(doc, rev);
    }, delay);
  }, [store, save, settle]);

  useEffect(() => {
    plan();
    return () => window.clearTimeout(timer.current);
  }, [plan, enabled, changed, passes, revision, status, failure, requested]);
  useEffect(() => store.subscribe(plan), [store, plan]);

  // 离开提示: the browser asks before closing or reloading while edits are not saved.
  const unsaved = status !== 'saved' || changed;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useDraftKeeper({ store, datasetId, enabled, savedDoc, revision });

  // The tab goes to the background (another window, closing, a phone call): the session ends, save it.
  useEffect(() => {
    const onHide = () => {
      const last = latest.current;
      const { doc, valid } = current(store);
      if (document.visibilityState !== 'hidden' || !last.enabled || valid !== true) return;
      if (doc === savedDoc.current || inFlight.current || last.status === 'conflict') return;
      void save(doc, last.revision);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [save, store]);

  // Signed in again after the session ended: the edit that was refused with 401 is saved now.
  useEffect(() => {
    const last = latest.current;
    if (logins === 0 || last.status !== 'failed' || last.failure?.waitingForLogin !== true || inFlight.current) return;
    const { doc, valid } = current(store);
    if (valid === true && doc !== savedDoc.current) void save(doc, last.revision);
  }, [logins, save, store]);

  const keepMine = useCallback(() => {
    if (conflict === null) return;
    setConflict(null);
    void save(conflict.mine, conflict.theirRevision);
  }, [conflict, save]);

  const takeTheirs = useCallback(() => {
    if (conflict === null) return;
    savedDoc.current = conflict.theirs;
    clearDrafts(datasetId);
    setRevision(conflict.theirRevision);
    setConflict(null);
    setStatus('saved');
    store.setDoc(conflict.theirs, null);
  }, [conflict, store, datasetId]);

  /** After an import the server holds a new revision: adopt it as the saved state. */
  const adopt = useCallback((document: DatasetDocument, rev: number) => {
    savedDoc.current = document;
    setRevision(rev);
    setStatus('saved');
  }, []);

  /** 保存: now, if there is something valid to save; resolves whether everything is saved afterwards. */
  const saveNowAsync = useCallback((): Promise<boolean> => {
    const last = latest.current;
    const { doc, valid } = current(store);
    if (doc === savedDoc.current && last.status === 'saved') return Promise.resolve(true);
    if (!enabled || valid === false || last.status === 'conflict') return Promise.resolve(false);
    if (valid === true && !inFlight.current) return save(doc, last.revision);
    return new Promise<boolean>((resolve) => {
      waiters.current.push(resolve);
      setRequested(true);
    });
  }, [enabled, save, store]);
  const saveNow = useCallback(() => void saveNowAsync(), [saveNowAsync]);

  /** 放弃修改: back to the last saved document; the local draft goes too. */
  const discard = useCallback(() => {
    clearDrafts(datasetId);
    setFailure(null);
    setStatus('saved');
    store.setDoc(savedDoc.current, null);
  }, [datasetId, store]);

  /** 恢复草稿: the draft's document on the revision it was based on (an older base ends in the 409 dialog). */
  const restoreDraft = useCallback(
    (document: DatasetDocument, baseRevision: number) => {
      setRevision(baseRevision);
      store.setDoc(document, null);
    },
    [store],
  );

  return {
    revision,
    status,
    failure,
    conflict,
    keepMine,
    takeTheirs,
    adopt,
    saveNow,
    saveNowAsync,
    discard,
    restoreDraft,
    unsaved,
  };
}
