import { analyse } from '../editor/analysis.js';
import { setIn } from '../editor/document.js';
import { sameValue } from '../editor/same-value.js';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol.js';

/**
 * 实时计算 off the main thread: parsing and `selfEvaluate` of the document being edited run here, so a keystroke
 * never waits for them. The worker keeps the document (a keystroke sends only its field) and answers only what
 * changed since its previous answer (see analysis-protocol.ts).
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: AnalysisReply) => void;
};
let document: unknown = null;
const sent: Omit<AnalysisReply, 'id' | 'ok'> = {};

scope.onmessage = (event) => {
  const request = event.data;
  document =
    'document' in request
      ? request.document
      : request.patches.reduce((doc, patch) => setIn(doc, patch.path, patch.value), document);
  const analysis = analyse(document);
  const reply: AnalysisReply = { id: request.id, ok: analysis.ok };
  if (!sameValue(sent.findings, analysis.findings)) reply.findings = sent.findings = analysis.findings;
  if (analysis.ok) {
    if (!sameValue(sent.figures, analysis.figures)) reply.figures = sent.figures = analysis.figures;
    if (!sameValue(sent.forms, analysis.forms)) reply.forms = sent.forms = analysis.forms;
  }
  scope.postMessage(reply);
};
