import { useEffect } from 'react';
import type { DatasetDocument } from '../api/types.js';
import type { AnalysisReply, AnalysisRequest } from '../workers/analysis-protocol.js';
import { analyse, type Analysis } from './analysis.js';
import type { DocPatch, EditorStore, LiveAnalysis } from './editor-context.js';

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** An analysis computed here, as the store keeps it (figures and forms of the last state that parsed). */
export function liveOf(analysis: Analysis, previous: LiveAnalysis | null): LiveAnalysis {
  return analysis.ok
    ? { ok: true, findings: analysis.findings, figures: analysis.figures, forms: analysis.forms }
    : { ok: false, findings: analysis.findings, figures: previous?.figures ?? null, forms: previous?.forms ?? [] };
}

/** The worker's answer over the previous analysis (it leaves out what did not change). */
function merged(previous: LiveAnalysis, reply: AnalysisReply): LiveAnalysis {
  return {
    ok: reply.ok,
    findings: reply.findings ?? previous.findings,
    figures: reply.figures ?? previous.figures,
    forms: reply.forms ?? previous.forms,
  };
}

/**
 * The live analysis of the store's document: the first one computed on the page (it opens with its figures), every
 * later one in a Web Worker, so that typing is never held up by it. The worker keeps the document; each change
 * sends only the fields changed since the last message (the whole document after a replacement). While one is
 * computed, the changes after it wait and go together: a fast typist's intermediate states are skipped, never
 * queued. Without a worker (none in the browser, or it failed) it is computed here, after the keystroke's render.
 */
export function useAnalysis(store: EditorStore): void {
  useEffect(() => {
    let worker = startWorker();
    let busy: DatasetDocument | null = null;
    let id = 0;
    // The worker holds no document yet: the first message carries it whole.
    let whole = true;
    let patches: NonNullable<DocPatch>[] = [];
    let localTimer: number | undefined;

    const analyseHere = () => {
      window.clearTimeout(localTimer);
      localTimer = window.setTimeout(() => {
        const { doc, analysis } = store.get();
        store.setAnalysis(liveOf(analyse(doc), analysis), doc);
      });
    };
    const flush = () => {
      if (worker === null || busy !== null || (!whole && patches.length === 0)) return;
      const doc = store.get().doc;
      busy = doc;
      id += 1;
      const request: AnalysisRequest = whole ? { id, document: doc } : { id, patches };
      whole = false;
      patches = [];
      worker.postMessage(request);
    };
    const stopDoc = store.onDoc((_, patch) => {
      if (worker === null) return analyseHere();
      if (patch === null) {
        whole = true;
        patches = [];
      } else if (!whole) patches.push(patch);
      flush();
    });
    if (worker !== null) {
      worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
        const of = busy;
        busy = null;
        if (of !== null && event.data.id === id) store.setAnalysis(merged(store.get().analysis, event.data), of);
        flush();
      };
      worker.onerror = () => {
        worker?.terminate();
        worker = null;
        busy = null;
        if (store.get().analysed !== store.get().doc) analyseHere();
      };
    }
    return () => {
      stopDoc();
      worker?.terminate();
      window.clearTimeout(localTimer);
    };
  }, [store]);
}
