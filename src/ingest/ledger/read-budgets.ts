import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { parseAmount, type Fen } from '../../domain/money/index.js';
import type { BudgetLine } from '../../domain/ledger/ledger-records.js';
import { decodeText } from '../decode-text.js';
import { cleanBudgets, type BudgetColumns } from './budget-bytes.js';
import { indexBudgets, type BudgetIndex } from './budget-index.js';
import { splitCsvLine } from './csv-line.js';
import type { LedgerFileCode, LedgerIssue } from './ledger-codes.js';

export type { BudgetLine, BudgetIndex };
export { DEPARTMENT_SCOPE, ECONOMIC_SCOPE, projectScope } from './budget-index.js';

export type BudgetsResult = { ok: true; budgets: BudgetIndex } | { ok: false; issues: LedgerIssue<LedgerFileCode>[] };

const REQUIRED = ['部门编码', '项目编码', '经济分类编码', '年初预算', '调整数'] as const;
const OPTIONAL = ['项目名称', '部门名称'] as const;
const CODE = /^[0-9A-Za-z_-]{1,40}$/;

type Columns = BudgetColumns;

/** `-?digits[.d[d]]`: the form nearly every budget amount has, read without the general decimal parser. */
const PLAIN_YUAN = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/;

/** An amount in 元 as fen; the plain form directly, anything else through the domain's parser (same result). */
function amountOf(text: string): Fen | null {
  const plain = PLAIN_YUAN.exec(text);
  if (plain !== null) {
    const fen = BigInt(plain[2]!) * 100n + BigInt((plain[3] ?? '').padEnd(2, '0'));
    return (plain[1] === '-' ? -fen : fen) as Fen;
  }
  const parsed = parseAmount(text, '元');
  return parsed.ok ? parsed.fen : null;
}

function parseLine(fields: string[], columns: Columns, line: number, issues: LedgerIssue<LedgerFileCode>[]) {
  const text = (at: number) => (at === -1 ? '' : (fields[at] ?? '').trim());
  const codes = [text(columns.部门编码), text(columns.项目编码), text(columns.经济分类编码)] as const;
  for (let i = 0; i < 3; i++) {
    const code = codes[i]!;
    if (i === 1 && code === '') continue;
    if (!CODE.test(code)) {
      issues.push({
        line,
        code: 'BUDGET_BAD_CODE',
        message: `${REQUIRED[i]}应为 1–40 位字母或数字：${code || '（空）'}`,
      });
      return null;
    }
  }
  const start = text(columns.年初预算);
  const adjustment = text(columns.调整数);
  const amounts = [amountOf(start), amountOf(adjustment === '' ? '0' : adjustment)];
  for (let i = 0; i < 2; i++) {
    if (amounts[i] === null) {
      const name = i === 0 ? '年初预算' : '调整数';
      issues.push({
        line,
        code: 'BUDGET_BAD_AMOUNT',
        message: `${name}不是以元为单位、最多 2 位小数的金额：${i === 0 ? start : adjustment}`,
      });
      return null;
    }
  }
  const [departmentCode, projectCode, economicCode] = codes;
  return {
    departmentCode,
    projectCode,
    economicCode,
    yearStartBudget: amounts[0]!,
    adjustments: amounts[1]!,
    projectName: text(columns.项目名称),
    departmentName: text(columns.部门名称),
  };
}

/** Column positions of a header's names, or null when a required one is missing or one is unknown. */
function columnsOf(header: string[]): Columns | null {
  const known = (REQUIRED as readonly string[]).concat(OPTIONAL);
  if (REQUIRED.some((name) => !header.includes(name)) || header.some((name) => !known.includes(name))) return null;
  return Object.fromEntries(known.map((name) => [name, header.indexOf(name)])) as unknown as Columns;
}

/**
 * A clean BOM-less UTF-8 file (nearly every budgets file) read straight from its bytes, without decoding the
 * whole text; null for anything else, which the string reading below handles and reports.
 */
function parseCleanBudgets(bytes: Uint8Array): BudgetsResult | null {
  const first = bytes[0];
  if (first === 0xef || first === 0xfe || first === 0xff || bytes.includes(0) || !isUtf8(bytes)) return null;
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd === -1) return null;
  const headerText = Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd).toString('utf8').replace(/\r$/, '');
  const header = (splitCsvLine(headerText) ?? []).map((name) => name.trim());
  const columns = columnsOf(header);
  if (columns === null) return null;
  const budgets = cleanBudgets(bytes, headerEnd + 1, columns, header.length);
  return budgets === null ? null : { ok: true, budgets };
}

/** Reads the budgets CSV (UTF-8 or GBK); every problem is listed with its line, and any problem refuses the file. */
export function parseBudgets(bytes: Uint8Array): BudgetsResult {
  const clean = parseCleanBudgets(bytes);
  if (clean !== null) return clean;
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { ok: false, issues: [{ line: 1, code: 'BUDGET_HEADER', message: `预算表${decoded.detail}` }] };
  const newline = decoded.text.indexOf('\n');
  const firstRow = newline === -1 ? decoded.text : decoded.text.slice(0, newline);
  const header = (splitCsvLine(firstRow.endsWith('\r') ? firstRow.slice(0, -1) : firstRow) ?? []).map((name) =>
    name.trim(),
  );
  const missing = REQUIRED.filter((name) => !header.includes(name));
  const unknown = header.filter((name) => !(REQUIRED as readonly string[]).concat(OPTIONAL).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const message = `预算表第 1 行应为表头 ${REQUIRED.join(',')}（可加 ${OPTIONAL.join('、')}）；${
      missing.length > 0 ? `缺少 ${missing.join('、')}` : `无法识别的列 ${unknown.join('、')}`
    }`;
    return { ok: false, issues: [{ line: 1, code: 'BUDGET_HEADER', message }] };
  }
  const columns = columnsOf(header)!;
  const rows = decoded.text.split('\n').map((row) => (row.endsWith('\r') ? row.slice(0, -1) : row));
  const issues: LedgerIssue<LedgerFileCode>[] = [];
  const lines: BudgetLine[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.trim() === '') return;
    const fields = splitCsvLine(row);
    if (fields === null || fields.length !== header.length) {
      issues.push({
        line,
        code: 'BUDGET_COLUMN_COUNT',
        message: `列数应为 ${header.length}，实为 ${fields?.length ?? '（引号未闭合）'}`,
      });
      return;
    }
    const parsed = parseLine(fields, columns, line, issues);
    if (parsed === null) return;
    const key = `${parsed.departmentCode}|${parsed.projectCode}|${parsed.economicCode}`;
    if (seen.has(key)) {
      issues.push({
        line,
        code: 'BUDGET_DUPLICATE_LINE',
        message: `部门、项目与经济分类编码重复：${key.replaceAll('|', ' / ')}`,
      });
      return;
    }
    seen.add(key);
    lines.push(parsed);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, budgets: indexBudgets(lines) };
}

export async function readBudgets(path: string): Promise<BudgetsResult> {
  return parseBudgets(await readFile(path));
}
