import { createContext, useContext } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { Finding } from '../../../src/domain/findings/finding.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import type { DatasetDocument } from '../api/types.js';
import type { DocPath } from './document.js';

/** What every field of the editor needs: the document, a way to change it, and the findings about each field. */
export type EditorApi = {
  doc: DatasetDocument;
  unit: MoneyUnit;
  /** Sets the value at `path` (undefined removes an optional field). */
  set: (path: DocPath, value: unknown) => void;
  /** Replaces the whole document through a function (row add/remove). */
  update: (change: (doc: DatasetDocument) => DatasetDocument) => void;
  /** Findings by `pathKey` of the field they name. */
  findingsAt: ReadonlyMap<string, readonly Finding[]>;
  readOnly: boolean;
  /** Figures of the last valid state of the document (null until it first parses). */
  figures: Figures | null;
  /** 自评表 scored under the dataset's pack, of the last valid state (`forms[i]` is `forms[i].index`). */
  forms: readonly FormEvaluation[];
};

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (api === null) throw new Error('useEditor outside <EditorContext>');
  return api;
}

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.path.join('.');
    map.set(key, [...(map.get(key) ?? []), finding]);
  }
  return map;
}
