import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError, isUnauthenticated } from '../api/http.js';
import { useLogins } from '../auth/session-store.js';
import { writtenRevisionNo } from '../api/revision-of.js';
import type { ConflictBody, ConflictDetails, DatasetDocument } from '../api/types.js';
import { diffDocuments, type DocChange } from './document.js';

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

const DELAY_MS = 1200;

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
 * 自动保存: a valid document is saved 1.2 s after the last change, based on the revision it was loaded at.
 * A 409 stops autosave and hands both versions to the user; nothing is overwritten silently. A failed save
 * is retried with growing pauses (2 s … 60 s); leaving the page with unsaved edits asks first.
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

  const save = useCallback(
    async (document: DatasetDocument, basedOn: number) => {
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
      } finally {
        inFlight.current = false;
      }
    },
    [datasetId],
  );

  useEffect(() => {
    if (!enabled || doc === savedDoc.current || status === 'conflict' || valid === null) return;
    if (!valid) {
      setStatus('invalid');
      return;
    }
    let delay = DELAY_MS;
    if (status === 'failed') {
      if (failure?.retryInSeconds == null) return;
      delay = failure.retryInSeconds * 1000;
    } else setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = window.setTimeout(() => {
      if (!inFlight.current) void save(doc, revision);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [enabled, doc, valid, revision, status, failure, save]);

  // 离开提示: the browser asks before closing or reloading while edits are not saved.
  const unsaved = status !== 'saved' || doc !== savedDoc.current;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // Leaving the editor inside the app (a link) within the 1.2 s pause would drop the last edit: save it now.
  const latest = useRef({ doc, valid, revision, status, enabled, failure });
  useEffect(() => {
    latest.current = { doc, valid, revision, status, enabled, failure };
  });
  useEffect(
    () => () => {
      const last = latest.current;
      if (!last.enabled || last.valid !== true || last.doc === savedDoc.current || inFlight.current) return;
      if (last.status === 'conflict' || last.failure?.waitingForLogin === true) return;
      api.save(datasetId, last.revision, last.doc).catch(() => undefined);
    },
    [datasetId],
  );

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
    setRevision(conflict.theirRevision);
    setConflict(null);
    setStatus('saved');
    options.onReplace(conflict.theirs);
  }, [conflict, options]);

  /** After an import the server holds a new revision: adopt it as the saved state. */
  const adopt = useCallback((document: DatasetDocument, rev: number) => {
    savedDoc.current = document;
    setRevision(rev);
    setStatus('saved');
  }, []);

  const saveNow = useCallback(() => {
    if (enabled && valid === true && doc !== savedDoc.current && !inFlight.current) void save(doc, revision);
  }, [enabled, doc, valid, revision, save]);

  return { revision, status, failure, conflict, keepMine, takeTheirs, adopt, saveNow };
}
