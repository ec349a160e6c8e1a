import { useEffect } from 'react';
import type { DatasetDocument } from '../api/types.js';
import { analyse, type Analysis } from './analysis.js';
import { startAnalysisWorker, type AnalysisWorker } from './analysis-worker.js';
import type { EditorStore, LiveAnalysis } from './editor-context.js';
import { sameValue } from './same-value.js';

/**
 * An analysis on the page longer than this holds the keystroke up too long: the worker takes over. The seed's takes
 * ~2 ms warm, up to ~15 ms while the page's code is still cold on a busy machine; one over 25 ms is a document
 * hundreds of rows long. Only when the latest few all were (one can be a garbage collection or a busy core).
 */
const PAGE_BUDGET_MS = 25;
const OVER_BUDGET_RUNS = 4;
/** One analysis this long is not a busy core: the worker takes over at once. */
const FAR_OVER_BUDGET_MS = 4 * PAGE_BUDGET_MS;

/** The user timing entry of the latest analysis on the page (npm run bench:typing splits a keystroke with it). */
export const ANALYSIS_MEASURE = 'jixiao:analysis';

/** `next`, or `previous` when it says the same: what shows it then does not render again. */
const kept = <T>(previous: T | undefined, next: T): T =>
  previous !== undefined && sameValue(previous, next) ? previous : next;

/** An analysis computed here, as the store keeps it (figures and forms of the last state that parsed). */
export function liveOf(analysis: Analysis, previous: LiveAnalysis | null): LiveAnalysis {
  const findings = kept(previous?.findings, analysis.findings);
  return analysis.ok
    ? {
        ok: true,
        findings,
        figures: kept(previous?.figures ?? undefined, analysis.figures),
        forms: kept(previous?.forms, analysis.forms),
      }
    : { ok: false, findings, figures: previous?.figures ?? null, forms: previous?.forms ?? [] };
}

/**
 * Analyses the store's document on the page; how long it took (ms). It runs inside the keystroke's listeners, so an
 * analysis that throws must not reach them (the typed character and its draft would be lost): the previous analysis
 * stays, and the answer is "far over budget", which hands the document to the worker.
 */
function analyseOnPage(store: EditorStore, doc: DatasetDocument): number {
  const started = performance.now();
  try {
    store.setAnalysis(liveOf(analyse(doc), store.get().analysis), doc);
  } catch (error) {
    console.error('分析失败', error);
    return Number.POSITIVE_INFINITY;
  }
  performance.clearMeasures(ANALYSIS_MEASURE);
  return performance.measure(ANALYSIS_MEASURE, { start: started }).duration;
}

/** Whether the latest analyses on the page say the worker should take over. */
function overBudgetRuns(ms: number, runs: number): number {
  if (ms > FAR_OVER_BUDGET_MS) return OVER_BUDGET_RUNS;
  return ms > PAGE_BUDGET_MS ? runs + 1 : 0;
}

/**
 * The live analysis of the store's document, in the keystroke itself: the figures and findings change in the same
 * render (and the same frame) as the typed character. In a Web Worker the answer came only after the page had
 * drawn the keystroke's frame (and its keyup's), which took most of the 22 ms a key cost. A document whose
 * analysis does not fit in a keystroke (PAGE_BUDGET_MS) is analysed in the worker from then on, so typing is
 * never held up by it.
 */
export function useAnalysis(store: EditorStore): void {
  useEffect(() => {
    let worker: AnalysisWorker | null = null;
    // A worker that could not start or failed is not started again: every try would hold up more keystrokes.
    let workerFailed = false;
    let overBudget = 0;
    const backOnPage = () => {
      worker = null;
      workerFailed = true;
      const { doc, analysed } = store.get();
      if (analysed !== doc) analyseOnPage(store, doc);
    };
    const stopDoc = store.onDoc((doc, patch) => {
      if (worker !== null) return worker.changed(patch);
      overBudget = overBudgetRuns(analyseOnPage(store, doc), overBudget);
      if (overBudget < OVER_BUDGET_RUNS || workerFailed) return;
      worker = startAnalysisWorker(store, backOnPage);
      workerFailed = worker === null;
    });
    return () => {
      stopDoc();
      worker?.stop();
    };
  }, [store]);
}
