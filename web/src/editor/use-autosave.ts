import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError, isUnauthenticated } from '../api/http.js';
import { useLogins } from '../auth/session-store.js';
import { writtenRevisionNo } from '../api/revision-of.js';
import type { ConflictBody, ConflictDetails, DatasetDocument } from '../api/types.js';
import { diffDocuments, type DocChange } from './document.js';
import { clearDrafts, writeDraft } from './drafts.js';

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
const DRAFT_DELAY_MS = 300;

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

/**
 * 自动保存: a valid document is saved when the editing session ends (see IDLE_SAVE_MS), based on the revision it
 * was loaded at. A 409 stops autosave and hands both versions to the user; nothing is overwritten silently. A
 * failed save is retried with growing pauses (2 s … 60 s); leaving the page with unsaved edits asks first.
 */
export function useAutosave(options: {
  datasetId: number;
  initialRevision: number;
  doc: DatasetDocument;
  /** null while the check of the latest document is still running. */
  valid: boolean | null;
  /** False on a read-only editor: nothing is ever saved. */
  enabled: boolean;
  onReplace: (doc: DatasetDocument) => void;
}) {
  const { datasetId, doc, valid, enabled } = options;
  const logins = useLogins();
  const [revision, setRevision] = useState(options.initialRevision);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const failures = useRef(0);
  const savedDoc = useRef(doc);
  const inFlight = useRef(false);
  const latest = useRef({ doc, valid, revision, status, enabled, failure });
  useEffect(() => {
    latest.current = { doc, valid, revision, status, enabled, failure };
  });

  // 保存 asked for while the check of the latest edit was still running (or another save was under way).
  const [requested, setRequested] = useState(false);
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
        if (savedDoc.current === latest.current.doc) clearDrafts(datasetId);
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
    [datasetId],
  );

  useEffect(() => {
    if (requested && !inFlight.current && (doc === savedDoc.current || status === 'conflict'))
      settle(doc === savedDoc.current);
    if (!enabled || doc === savedDoc.current || status === 'conflict' || valid === null) return;
    if (!valid) {
      setStatus('invalid');
      if (requested) settle(false);
      return;
    }
    let delay = requested ? 0 : IDLE_SAVE_MS;
    if (status === 'failed' && requested) settle(false);
    if (status === 'failed') {
      if (failure?.retryInSeconds == null) return;
      delay = failure.retryInSeconds * 1000;
    } else setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = window.setTimeout(() => {
      if (!inFlight.current) void save(doc, revision);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [enabled, doc, valid, revision, status, failure, save, requested, settle]);

  // 离开提示: the browser asks before closing or reloading while edits are not saved.
  const unsaved = status !== 'saved' || doc !== savedDoc.current;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // 本地草稿: every unsaved change is kept in this browser until it is saved (or discarded).
  useEffect(() => {
    if (!enabled || doc === savedDoc.current) return;
    const timer = window.setTimeout(() => writeDraft(datasetId, revision, doc, new Date()), DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, datasetId, revision, doc]);

  // The tab goes to the background (another window, closing, a phone call): the session ends, save it.
  useEffect(() => {
    const onHide = () => {
      const last = latest.current;
      if (document.visibilityState !== 'hidden' || !last.enabled || last.valid !== true) return;
      if (last.doc === savedDoc.current || inFlight.current || last.status === 'conflict') return;
      void save(last.doc, last.revision);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [save]);

  // Signed in again after the session ended: the edit that was refused with 401 is saved now.
  useEffect(() => {
    const last = latest.current;
    if (logins === 0 || last.status !== 'failed' || last.failure?.waitingForLogin !== true || inFlight.current) return;
    if (last.valid === true && last.doc !== savedDoc.current) void save(last.doc, last.revision);
  }, [logins, save]);

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
    options.onReplace(conflict.theirs);
  }, [conflict, options, datasetId]);

  /** After an import the server holds a new revision: adopt it as the saved state. */
  const adopt = useCallback((document: DatasetDocument, rev: number) => {
    savedDoc.current = document;
    setRevision(rev);
    setStatus('saved');
  }, []);

  /** 保存: now, if there is something valid to save; resolves whether everything is saved afterwards. */
  const saveNowAsync = useCallback((): Promise<boolean> => {
    const last = latest.current;
    if (last.doc === savedDoc.current && last.status === 'saved') return Promise.resolve(true);
    if (!enabled || last.valid === false || last.status === 'conflict') return Promise.resolve(false);
    if (last.valid === true && !inFlight.current) return save(last.doc, last.revision);
    return new Promise<boolean>((resolve) => {
      waiters.current.push(resolve);
      setRequested(true);
    });
  }, [enabled, save]);
  const saveNow = useCallback(() => void saveNowAsync(), [saveNowAsync]);

  /** 放弃修改: back to the last saved document; the local draft goes too. */
  const discard = useCallback(() => {
    clearDrafts(datasetId);
    setFailure(null);
    setStatus('saved');
    options.onReplace(savedDoc.current);
  }, [datasetId, options]);

  /** 恢复草稿: the draft's document on the revision it was based on (an older base ends in the 409 dialog). */
  const restoreDraft = useCallback(
    (document: DatasetDocument, baseRevision: number) => {
      setRevision(baseRevision);
      options.onReplace(document);
    },
    [options],
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
