import type { DatasetDocument } from '../api/types.js';
import type { AnalysisReply, AnalysisRequest } from '../workers/analysis-protocol.js';
import type { DocPatch, EditorStore, LiveAnalysis } from './editor-context.js';

/** The worker's answer over the previous analysis (it leaves out what did not change). */
function merged(previous: LiveAnalysis, reply: AnalysisReply): LiveAnalysis {
  return {
    ok: reply.ok,
    findings: reply.findings ?? previous.findings,
    figures: reply.figures ?? previous.figures,
    forms: reply.forms ?? previous.forms,
  };
}

export type AnalysisWorker = {
  /** A change of the store's document (null: replaced whole). */
  changed: (patch: DocPatch) => void;
  stop: () => void;
};

/**
 * The live analysis in a Web Worker, for a document too large to analyse within a keystroke on the page. The
 * worker keeps the document; each change sends only the fields changed since the last message (the whole document
 * first and after a replacement). While one is computed, the changes after it wait and go together: a fast
 * typist's intermediate states are skipped, never queued. Null when the browser cannot start one; `failed` is
 * called when it stops working (the caller then analyses on the page again).
 */
export function startAnalysisWorker(store: EditorStore, failed: () => void): AnalysisWorker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let busy: DatasetDocument | null = null;
  let id = 0;
  let whole = true;
  let patches: NonNullable<DocPatch>[] = [];
  const flush = () => {
    if (busy !== null || (!whole && patches.length === 0)) return;
    const doc = store.get().doc;
    busy = doc;
    id += 1;
    const request: AnalysisRequest = whole ? { id, document: doc } : { id, patches };
    whole = false;
    patches = [];
    worker.postMessage(request);
  };
  worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
    const of = busy;
    busy = null;
    if (of !== null && event.data.id === id) store.setAnalysis(merged(store.get().analysis, event.data), of);
    flush();
  };
  worker.onerror = () => {
    worker.terminate();
    failed();
  };
  return {
    changed: (patch) => {
      if (patch === null) {
        whole = true;
        patches = [];
      } else if (!whole) patches.push(patch);
      flush();
    },
    stop: () => worker.terminate(),
  };
}
