import { useEffect, useRef, useState } from 'react';
import type { DatasetDocument } from '../api/types.js';
import type { AnalysisRequest } from '../workers/analysis.worker.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import { analyse, type Analysis } from './analysis.js';

/** An analysis and the document state it is of (the autosave needs to know whether it is the current one). */
export type AnalysisOf = { analysis: Analysis; of: DatasetDocument };

type Channel = {
  /** Sends a document to the worker; null without a worker (then the analysis is computed here). */
  send: ((document: DatasetDocument) => void) | null;
  /** The document the worker is analysing, and the newest one waiting for it. */
  busy: DatasetDocument | null;
  waiting: DatasetDocument | null;
};

/** Whether two lists of findings say the same (most keystrokes change a figure but not the findings). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i];
      return (
        g !== undefined &&
        f.code === g.code &&
        f.severity === g.severity &&
        f.message === g.message &&
        f.path.join('.') === g.path.join('.')
      );
    })
  );
}

/** The new analysis, keeping the previous findings list when it says the same (so nothing showing it renders). */
function keepFindings(previous: Analysis, next: Analysis): Analysis {
  return sameFindings(previous.findings, next.findings) ? { ...next, findings: previous.findings } : next;
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * The live analysis of `doc`: the first one computed here (the page opens with its figures), every later one in a
 * Web Worker, so that typing is never held up by it. While one is computed the previous stays; only the newest
 * document waiting is sent next (a fast typist's intermediate states are skipped, never queued). Without a worker
 * (none in the browser, or it failed) it is computed here after the keystroke's render.
 */
export function useAnalysis(doc: DatasetDocument): AnalysisOf {
  const [state, setState] = useState<AnalysisOf>(() => ({ analysis: analyse(doc), of: doc }));
  const channel = useRef<Channel>({ send: null, busy: null, waiting: null });

  useEffect(() => {
    const c = channel.current;
    const worker = startWorker();
    if (worker === null) return;
    let id = 0;
    const sent = new Map<number, DatasetDocument>();
    const send = (document: DatasetDocument) => {
      c.busy = document;
      id += 1;
      sent.set(id, document);
      worker.postMessage({ id, document } satisfies AnalysisRequest);
    };
    worker.onmessage = (event: MessageEvent<{ id: number; analysis: Analysis }>) => {
      const of = sent.get(event.data.id);
      sent.delete(event.data.id);
      if (of !== undefined) setState((old) => ({ analysis: keepFindings(old.analysis, event.data.analysis), of }));
      c.busy = null;
      const next = c.waiting;
      c.waiting = null;
      if (next !== null && next !== of) send(next);
    };
    worker.onerror = () => {
      worker.terminate();
      c.send = null;
      const next = c.waiting ?? c.busy;
      c.busy = null;
      c.waiting = null;
      if (next !== null) setState({ analysis: analyse(next), of: next });
    };
    c.send = send;
    return () => {
      worker.terminate();
      c.send = null;
      c.busy = null;
      c.waiting = null;
    };
  }, []);

  useEffect(() => {
    if (state.of === doc) return;
    const c = channel.current;
    if (c.send === null) setState({ analysis: analyse(doc), of: doc });
    else if (c.busy === null) c.send(doc);
    else c.waiting = doc;
  }, [doc, state.of]);

  return state;
}
