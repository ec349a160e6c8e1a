import type { DatasetSummary } from './types.js';

const numberOf = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (value !== null && typeof value === 'object') {
    const no = (value as Record<string, unknown>)['revisionNo'];
    if (typeof no === 'number' && Number.isInteger(no)) return no;
  }
  return null;
};

/**
 * 已公开版本号 of a dataset: the newest published revision (not necessarily the working copy). `undefined`
 * when the server does not say (older list payloads): the caller then asks the public portal.
 */
export function publishedRevisionNo(summary: DatasetSummary): number | null | undefined {
  const field = summary.latestPublishedRevision;
  if (field === undefined)
    return summary.latestRevision.publishedAt !== null ? summary.latestRevision.revisionNo : undefined;
  return numberOf(field);
}

/**
 * 本次写入的版本号 after a successful save on `basedOn`. The server writes revision base+1 or nothing
 * (a stale base is a 409), so that is the answer unless the response names the written revision itself.
 * Never the response's `latestRevision`: a save by someone else right after ours would be adopted as base.
 */
export function writtenRevisionNo(response: unknown, basedOn: number): number {
  if (response !== null && typeof response === 'object') {
    const body = response as Record<string, unknown>;
    for (const key of ['writtenRevision', 'savedRevision', 'revision']) {
      const no = numberOf(body[key]);
      if (no !== null) return no;
    }
  }
  return basedOn + 1;
}
