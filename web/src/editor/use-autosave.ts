import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import type { ConflictBody, ConflictDetails, DatasetDocument } from '../api/types.js';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'conflict' | 'failed';

export type Conflict = { mine: DatasetDocument; theirs: DatasetDocument; theirRevision: number; author?: string };

const DELAY_MS = 1200;

function conflictOf(error: unknown): ConflictDetails['latest'] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as ConflictBody | null;
  if (body === null || typeof body !== 'object') return null;
  return ('details' in body ? body.details.latest : body.latest) ?? null;
}

/**
 * 自动保存: a valid document is saved 1.2 s after the last change, based on the revision it was loaded at.
 * A 409 stops autosave and hands both versions to the user; nothing is overwritten silently.
 */
export function useAutosave(options: {
  datasetId: number;
  initialRevision: number;
  doc: DatasetDocument;
  /** null while the check of the latest document is still running. */
  valid: boolean | null;
  onReplace: (doc: DatasetDocument) => void;
}) {
  const { datasetId, doc, valid } = options;
  const [revision, setRevision] = useState(options.initialRevision);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const savedDoc = useRef(doc);
  const inFlight = useRef(false);

  const save = useCallback(
    async (document: DatasetDocument, basedOn: number) => {
      inFlight.current = true;
      setStatus('saving');
      try {
        const result = await api.save(datasetId, basedOn, document);
        savedDoc.current = document;
        setRevision(result.latestRevision.revisionNo);
        setStatus('saved');
        setError(null);
      } catch (e) {
        const current = conflictOf(e);
        if (current !== null) {
          setConflict({
            mine: document,
            theirs: current.document,
            theirRevision: current.revisionNo,
            author: current.author,
          });
          setStatus('conflict');
        } else {
          setStatus('failed');
          setError(e instanceof Error ? e.message : String(e));
        }
      } finally {
        inFlight.current = false;
      }
    },
    [datasetId],
  );

  useEffect(() => {
    if (doc === savedDoc.current || status === 'conflict' || valid === null) return;
    if (!valid) {
      setStatus('invalid');
      return;
    }
    setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = window.setTimeout(() => {
      if (!inFlight.current) void save(doc, revision);
    }, DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [doc, valid, revision, status, save]);

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
    if (valid === true && doc !== savedDoc.current && !inFlight.current) void save(doc, revision);
  }, [doc, valid, revision, save]);

  return { revision, status, error, conflict, keepMine, takeTheirs, adopt, saveNow };
}
