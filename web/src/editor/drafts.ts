import type { DatasetDocument } from '../api/types.js';

/**
 * 本地草稿: the unsaved document kept in this browser's localStorage until it is saved, keyed by dataset and the
 * revision it was based on, so a reload, a crash or a closed tab never loses an edit. Saving clears it.
 */
export type Draft = { datasetId: number; baseRevision: number; savedAt: string; document: DatasetDocument };

const PREFIX = 'jixiao.draft.';

export const draftKey = (datasetId: number, baseRevision: number) => `${PREFIX}${datasetId}.${baseRevision}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled storage (private mode, policy): drafts are simply not kept
  }
}

function keysOf(datasetId: number): string[] {
  const store = storage();
  if (store === null) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key !== null && key.startsWith(`${PREFIX}${datasetId}.`)) keys.push(key);
  }
  return keys;
}

export function writeDraft(datasetId: number, baseRevision: number, document: DatasetDocument, now: Date): void {
  const draft: Draft = { datasetId, baseRevision, savedAt: now.toISOString(), document };
  try {
    for (const key of keysOf(datasetId)) if (key !== draftKey(datasetId, baseRevision)) storage()?.removeItem(key);
    storage()?.setItem(draftKey(datasetId, baseRevision), JSON.stringify(draft));
  } catch {
    // quota exceeded: the server save still protects the edit once it is valid
  }
}

/** The newest draft kept for the dataset, whatever revision it was based on. */
export function readDraft(datasetId: number): Draft | null {
  let newest: Draft | null = null;
  for (const key of keysOf(datasetId)) {
    try {
      const draft = JSON.parse(storage()?.getItem(key) ?? 'null') as Draft | null;
      if (draft !== null && typeof draft.document === 'object' && (newest === null || draft.savedAt > newest.savedAt))
        newest = draft;
    } catch {
      storage()?.removeItem(key);
    }
  }
  return newest;
}

export function clearDrafts(datasetId: number): void {
  for (const key of keysOf(datasetId)) storage()?.removeItem(key);
}
