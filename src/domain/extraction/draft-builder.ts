import { parseDataset } from '../dataset/parse.js';
import type { FieldPath, Finding } from '../findings/finding.js';
import { formatPath } from '../findings/finding.js';
import type { ExtractedFigure, UnplacedFigure } from './source.js';

/** Fields held as numbers or booleans in a dataset (everything else extraction writes is text). */
const NUMERIC =
  /^\$\.(fiscalYear|department\.staffing\.(authorizedPosts\[\d+\]\.count|inPost|recruitedTalent|hiredStaff|dispatchedWorkers|retirees)|paymentProgress\.points\[\d+\]\.month)$/u;
const BOOLEAN = /^\$\.projects\[\d+\]\.isNew$/u;

function typed(path: FieldPath, value: string): unknown {
  const key = formatPath(path);
  if (NUMERIC.test(key)) return Number(value);
  if (BOOLEAN.test(key)) return value === 'true';
  return value;
}

/** A draft built from figures, arrays compacted (a project left out leaves no hole), with path maps both ways. */
export type BuiltDraft = { draft: Record<string, unknown>; toDraft: (path: FieldPath) => FieldPath | null };

export function buildDraft(figures: readonly ExtractedFigure[], base: Record<string, unknown>): BuiltDraft {
  const indexes = new Map<string, number[]>();
  for (const figure of figures)
    figure.path.forEach((key, i) => {
      if (typeof key !== 'number') return;
      const list = indexes.get(formatPath(figure.path.slice(0, i))) ?? [];
      if (!list.includes(key)) list.push(key);
      indexes.set(
        formatPath(figure.path.slice(0, i)),
        list.sort((a, b) => a - b),
      );
    });
  const toDraft = (path: FieldPath): FieldPath | null => {
    const out: (string | number)[] = [];
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      if (typeof key !== 'number') out.push(key ?? '');
      else {
        const at = indexes.get(formatPath(path.slice(0, i)))?.indexOf(key) ?? -1;
        if (at < 0) return null;
        out.push(at);
      }
    }
    return out;
  };
  const draft: Record<string, unknown> = structuredClone(base);
  for (const figure of figures) {
    const path = toDraft(figure.path);
    if (path !== null) setAt(draft, path, typed(figure.path, figure.value));
  }
  return { draft, toDraft };
}

function setAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = path[i + 1];
      node[key] ??= typeof next === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
}

/** Where a part that fails validation is cut: the list item or object holding the bad field (never the root). */
function cutAt(path: FieldPath): FieldPath {
  const last = path.findLastIndex((key) => typeof key === 'number');
  if (last >= 0) return path.slice(0, last + 1);
  if (path.length >= 2 && path[0] !== 'department') return path.slice(0, -1);
  if (path.length >= 3) return path.slice(0, -1);
  return path;
}

export type ValidDraft = {
  draft: Record<string, unknown>;
  figures: ExtractedFigure[];
  unplaced: UnplacedFigure[];
  errors: Finding[];
};

/**
 * Builds the draft and validates it as a dataset; a part the schema refuses (a project without its actual spending,
 * a 三公 block missing an item) is taken out whole and its figures listed as unplaced with the schema's reason,
 * until the draft is valid (or nothing is left to cut: the errors are returned).
 */
export function validDraft(all: readonly ExtractedFigure[], base: Record<string, unknown>): ValidDraft {
  let figures = [...all];
  const unplaced: UnplacedFigure[] = [];
  for (let round = 0; round < 50; round++) {
    const built = buildDraft(figures, base);
    const parsed = parseDataset(built.draft);
    if (parsed.ok) {
      const placed = figures.map((f) => ({ ...f, path: built.toDraft(f.path) ?? f.path }));
      return { draft: built.draft, figures: placed, unplaced, errors: [] };
    }
    const error = parsed.errors[0];
    if (error === undefined) break;
    const cut = formatPath(cutAt(error.path));
    const inDraft = (f: ExtractedFigure) => formatPath(built.toDraft(f.path) ?? []);
    const removed = figures.filter(
      (f) => inDraft(f) === cut || inDraft(f).startsWith(`${cut}.`) || inDraft(f).startsWith(`${cut}[`),
    );
    if (removed.length === 0) return { draft: built.draft, figures, unplaced, errors: parsed.errors };
    for (const f of removed)
      unplaced.push({
        label: f.label,
        value: f.value,
        reason: `不完整，未列入草稿：${error.message}`,
        source: f.source,
      });
    figures = figures.filter((f) => !removed.includes(f));
  }
  return { draft: buildDraft(figures, base).draft, figures, unplaced, errors: [] };
}
