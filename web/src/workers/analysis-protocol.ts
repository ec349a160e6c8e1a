import type { Figures } from '../../../src/domain/figures/compute.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import type { DocPath } from '../editor/document.js';

/**
 * The messages between the editor and its analysis worker, kept small both ways (each is cloned): the worker holds
 * the document, so a keystroke sends only the fields it changed; the answer leaves out what is the same as in the
 * previous answer (most keystrokes change a figure or two, the findings and the scored forms seldom).
 */
export type AnalysisRequest =
  { id: number; document: unknown } | { id: number; patches: readonly { path: DocPath; value: unknown }[] };

/** Absent: the same as in the previous answer. `figures` and `forms` only when the document parses. */
export type AnalysisReply = {
  id: number;
  ok: boolean;
  findings?: Finding[];
  figures?: Figures;
  forms?: FormEvaluation[];
};
