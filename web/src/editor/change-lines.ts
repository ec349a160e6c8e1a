import { DOCUMENT_KIND_LABELS } from '../../../src/domain/dataset/form-table.js';
import { AMOUNT_FIGURES, PERCENT_FIGURES } from '../../../src/domain/figures/catalog.js';
import type { DocPath } from './document.js';
import { labelOf } from './field-labels.js';
import { PART_TABS, tabOfPath } from './parts.js';
import { PARTS, PAYMENT_BASES, PAYMENT_SCOPES } from './labels.js';

/**
 * 修改摘要: the differences between two dataset documents as Chinese lines a finance officer reads, by page and
 * field label, rows named by their own name — "项目“政务服务”实际支出：240.00 → 244.71". Never a JSON path or an
 * English value. Pure: the 版本 panel, restore confirmations and 采用计算数 all print through it.
 */
export type ChangeLine = { tab: string; text: string };

const AMOUNT_KEYS = new Set([
  'yearStartBudget',
  'fullYearBudget',
  'actual',
  'returnedToTreasury',
  'carriedForward',
  'amount',
  'basic',
  'project',
  'budget',
  'cumulativePaid',
  'publicUseBudget',
  ...Object.keys(AMOUNT_FIGURES),
]);
const PERCENT_KEYS = new Set([
  'executionRate',
  'cumulativePercent',
  'declaredRate',
  'rate',
  ...Object.keys(PERCENT_FIGURES),
]);
const VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  part: PARTS,
  base: PAYMENT_BASES,
  decision: { accepted: '采纳', edited: '修改后采纳', rejected: '不采纳' },
  rulePack: { national: '全国通用规则', hunan: '湖南省规则' },
  kind: DOCUMENT_KIND_LABELS,
  scope: { ...PAYMENT_SCOPES, department: '部门整体支出绩效自评表' },
  linksTo: { executionRate: '预算执行率', cost: '成本' },
};
const MAX_TEXT = 30;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** "240" → "240.00"; a third decimal (an exact 元 conversion) is kept as written. */
function amountText(text: string): string {
  const match = /^(-?\d+)(?:\.(\d{1,2}))?$/.exec(text);
  return match === null ? text : `${match[1]}.${(match[2] ?? '').padEnd(2, '0')}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

/** A value in words: amounts with two decimals, percents with %, 是/否, known choices in Chinese. */
export function valueText(value: Json, key: string | number | undefined): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.length === 0 ? '（空）' : shorten(value.map((v) => valueText(v, key)).join('；'));
  if (typeof value === 'object') return '（一组内容）';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const k = typeof key === 'string' ? key : '';
  const word = VALUE_WORDS[k]?.[text];
  if (word !== undefined) return word;
  if (AMOUNT_KEYS.has(k)) return amountText(text);
  if (PERCENT_KEYS.has(k) && /^-?\d+(\.\d+)?$/.test(text)) return `${text}%`;
  return shorten(text);
}

const ROW_NAME_KEYS = ['name', 'source', 'heading', 'kind', 'label', 'code', 'month'] as const;

/** How a row is called: its own name (项目名称, 收入来源, 标题 …), else 第 n 行. */
function rowName(row: Json, index: number, listPath: DocPath): string {
  const last = listPath[listPath.length - 1];
  if (isObject(row) && last === 'problemReviews')
    return `第 ${index + 1} 条（${valueText(row['decision'], 'decision')}）`;
  if (isObject(row)) {
    for (const key of ROW_NAME_KEYS) {
      const v = row[key];
      if (typeof v === 'string' && v.trim() !== '') return `“${shorten(v)}”`;
      if (key === 'month' && typeof v === 'number') return `${v} 月`;
    }
  }
  return `第 ${index + 1} 行`;
}

type Rows = { path: DocPath; name: string }[];

/** "项目“政务服务”实际支出", "基本情况 · 联系人". */
function subject(path: DocPath, rows: Rows): string {
  const tab = PART_TABS.find((t) => t.key === tabOfPath(path))?.label ?? '';
  const field = labelOf(path) ?? '';
  if (rows.length === 0) return field === '' || field === tab ? tab : `${tab} · ${field}`;
  const named = rows.map((r) => `${labelOf(r.path) ?? tab}${r.name}`).join('');
  const lastRow = rows[rows.length - 1];
  const rowLabel = lastRow === undefined ? '' : (labelOf(lastRow.path) ?? '');
  return field === '' || field === rowLabel ? named : `${named}${field}`;
}

function walk(before: Json, after: Json, path: DocPath, rows: Rows, out: ChangeLine[]): void {
  if (same(before, after)) return;
  const tab = PART_TABS.find((t) => t.key === tabOfPath(path))?.label ?? '';
  const key = path[path.length - 1];
  const asList = (v: Json): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
  const rowList = [...asList(before), ...asList(after)];
  const lists = (Array.isArray(before) || before === undefined) && (Array.isArray(after) || after === undefined);
  if (lists && rowList.some(isObject)) {
    const b = (before ?? []) as Json[];
    const a = (after ?? []) as Json[];
    const list = labelOf(path) ?? tab;
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      if (i >= b.length) out.push({ tab, text: `新增${list}${rowName(a[i], i, path)}` });
      else if (i >= a.length) out.push({ tab, text: `删除${list}${rowName(b[i], i, path)}` });
      else walk(b[i], a[i], [...path, i], [...rows, { path: [...path, i], name: rowName(a[i], i, path) }], out);
    }
    return;
  }
  if ((isObject(before) || before === undefined) && (isObject(after) || after === undefined)) {
    const b = before ?? {};
    const a = after ?? {};
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)]))
      if (k !== 'schemaVersion') walk(b[k], a[k], [...path, k], rows, out);
    return;
  }
  const what = subject(path, rows);
  if (before === undefined || before === '') out.push({ tab, text: `${what}：填写为 ${valueText(after, key)}` });
  else if (after === undefined || after === '')
    out.push({ tab, text: `${what}：已清空（原为 ${valueText(before, key)}）` });
  else out.push({ tab, text: `${what}：${valueText(before, key)} → ${valueText(after, key)}` });
}

/** Every difference from `before` to `after`, in page order of the document's fields. */
export function changeLines(before: Json, after: Json): ChangeLine[] {
  const out: ChangeLine[] = [];
  walk(before, after, [], [], out);
  const order = (tab: string) => {
    const i = PART_TABS.findIndex((t) => t.label === tab);
    return i === -1 ? PART_TABS.length : i;
  };
  return out
    .map((line, i) => ({ line, i }))
    .sort((x, y) => order(x.line.tab) - order(y.line.tab) || x.i - y.i)
    .map((x) => x.line);
}
