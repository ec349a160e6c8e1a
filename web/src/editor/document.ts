import type { DatasetDocument } from '../api/types.js';

/** A JSON path into the dataset document, as the domain's findings give it. */
export type DocPath = readonly (string | number)[];

/** `projects.2.actual`: the key a field registers under, and what a finding's path maps to. */
export function pathKey(path: DocPath): string {
  return path.join('.');
}

export function getIn(doc: unknown, path: DocPath): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function shallowCopy(node: unknown, nextKey: string | number): Record<string | number, unknown> | unknown[] {
  if (Array.isArray(node)) return [...(node as unknown[])];
  if (node !== null && typeof node === 'object') return { ...(node as Record<string, unknown>) };
  return typeof nextKey === 'number' ? [] : {};
}

/**
 * Immutable set: copies only the nodes along `path`. `undefined` removes an object key (so an emptied
 * optional field disappears from the document instead of being sent as an empty string).
 */
export function setIn<T>(doc: T, path: DocPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const copy = shallowCopy(doc, head) as Record<string | number, unknown>;
  const next = rest.length === 0 ? value : setIn(copy[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

export function listAt(doc: unknown, path: DocPath): unknown[] {
  const value = getIn(doc, path);
  return Array.isArray(value) ? value : [];
}

export function appendAt<T>(doc: T, path: DocPath, item: unknown): T {
  return setIn(doc, path, [...listAt(doc, path), item]);
}

export function removeAt<T>(doc: T, path: DocPath, index: number): T {
  return setIn(
    doc,
    path,
    listAt(doc, path).filter((_, i) => i !== index),
  );
}

/** Field-by-field differences between two documents (for the conflict dialog). */
export type DocChange = { path: string; mine: unknown; theirs: unknown };

export function diffDocuments(mine: unknown, theirs: unknown, path: string[] = []): DocChange[] {
  const bothObjects = mine !== null && theirs !== null && typeof mine === 'object' && typeof theirs === 'object';
  if (!bothObjects)
    return JSON.stringify(mine) === JSON.stringify(theirs) ? [] : [{ path: path.join('.'), mine, theirs }];
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  return [...keys].flatMap((k) =>
    diffDocuments((mine as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], [...path, k]),
  );
}

/**
 * 空白表: a new year's document of the given kind with only what that kind prints — a narrative report gets every
 * part (zeros to fill in), a 自评表 one empty table, a 决算说明 income and basic expenditure.
 */
export function emptyDocument(
  fiscalYear: number,
  departmentName: string,
  kind: 'report' | 'departmentForm' | 'projectForm' | 'finalAccounts' = 'report',
): DatasetDocument {
  const base = { schemaVersion: 1, kind, fiscalYear, unit: '万元', projects: [], indicators: [], narrative: {} };
  const income = { sources: [{ source: '财政拨款', basic: '0', project: '0' }] };
  const basic = { yearStartBudget: '0', actual: '0', lines: [] };
  if (kind === 'departmentForm' || kind === 'projectForm') {
    const scope: 'department' | 'project' = kind === 'departmentForm' ? 'department' : 'project';
    const name = kind === 'departmentForm' ? departmentName : '项目名称';
    const form = { scope, name, department: departmentName, funds: { rows: [] }, annualTargets: [], indicators: [] };
    return { ...base, department: { name: departmentName }, forms: [form] };
  }
  if (kind === 'finalAccounts')
    return { ...base, department: { name: departmentName }, income, basicExpenditure: basic };
  return {
    ...base,
    department: {
      name: departmentName,
      functions: [''],
      budgetScope: { units: [departmentName] },
      staffing: { authorizedPosts: [], inPost: 0 },
    },
    income,
    basicExpenditure: {
      ...basic,
      threePublic: {
        overseasTravel: { budget: '0', actual: '0' },
        vehicleOperation: { budget: '0', actual: '0' },
        reception: { budget: '0', actual: '0' },
      },
    },
  };
}
