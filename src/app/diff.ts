import { formatPath, type FieldPath } from '../domain/findings/finding.js';

/** One changed field between two dataset documents: its JSON path and both values (absent = undefined). */
export type FieldChange = { path: FieldPath; pathText: string; old: unknown; new: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function walk(path: (string | number)[], a: unknown, b: unknown, out: FieldChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) walk([...path, i], a[i], b[i], out);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const key of keys) walk([...path, key], a[key], b[key], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, pathText: formatPath(path), old: a, new: b });
}

/**
 * 逐字段比较: every leaf that differs between two plain documents. Arrays compare by position, so an
 * inserted project shows as changes to the items after it; that is what a reviewer reads row by row.
 */
export function diffDocuments(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk([], before, after, changes);
  return changes;
}

/** A one-line Chinese summary of a change list, for the revision log. */
export function changeSummary(changes: readonly FieldChange[]): string {
  if (changes.length === 0) return '无改动';
  const shown = changes.slice(0, 3).map((c) => c.pathText);
  return `修改 ${changes.length} 处：${shown.join('，')}${changes.length > 3 ? ' 等' : ''}`;
}
