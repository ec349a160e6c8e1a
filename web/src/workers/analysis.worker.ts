import { analyse } from '../editor/analysis.js';

/** A request to analyse one state of the document; the answer carries the same id. */
export type AnalysisRequest = { id: number; document: unknown };

/**
 * 实时计算 off the main thread: parsing and `selfEvaluate` of the document being edited run here, so a keystroke
 * never waits for them (the answer is cloned back: bigint amounts and plain objects clone as they are).
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};
scope.onmessage = (event) => {
  const { id, document } = event.data;
  scope.postMessage({ id, analysis: analyse(document) });
};
