// Source: docs/ledger.md §填入数据集 — the ledger's sums replace a dataset's 基本支出 actual and lines (by economic
// code), each project's actual (matched by 项目名称 in the budgets) and the monthly 支付进度 of projects.
import { EXACT_DECIMALS, formatAmount, type Fen, type MoneyUnit } from '../domain/money/index.js';

/** What the ledger holds for one department-year (from `ledgerDepartmentDetail`). */
export type LedgerDepartmentDetail = {
  cells: { projectCode: string; economicCode: string; month: number; amount: Fen }[];
  budgets: { projectCode: string; economicCode: string; projectName: string; yearStartBudget: Fen; adjustments: Fen }[];
};

/** One figure written from the ledger: its JSON path, the value as written, and its source. */
export type LedgerFilled = { path: string; value: string; source: 'ledger' };

export type LedgerFillResult = {
  document: Record<string, unknown>;
  filled: LedgerFilled[];
  /** Ledger projects no dataset project has the name of (their actuals are not written anywhere). */
  unmatchedProjects: string[];
};

/** An amount exactly, in the document's unit, without trailing zeros past 2 decimals ("5.9604", "18.21"). */
export function exactAmountText(amount: Fen, unit: MoneyUnit): string {
  return formatAmount(amount, unit, EXACT_DECIMALS[unit]).replace(/(\.\d\d\d*?)0+$/, '$1');
}

type Line = { code: string; label?: string; amount: string };
type Record_ = Record<string, unknown>;

const sum = (values: Iterable<Fen>): Fen => {
  let total = 0n;
  for (const value of values) total += value;
  return total as Fen;
};

function sumsBy<K>(
  cells: LedgerDepartmentDetail['cells'],
  key: (c: LedgerDepartmentDetail['cells'][number]) => K,
): Map<K, Fen> {
  const sums = new Map<K, Fen>();
  for (const cell of cells) sums.set(key(cell), ((sums.get(key(cell)) ?? 0n) + cell.amount) as Fen);
  return sums;
}

function fillBasic(doc: Record_, detail: LedgerDepartmentDetail, unit: MoneyUnit, filled: LedgerFilled[]): void {
  const basic = detail.cells.filter((c) => c.projectCode === '');
  const byCode = sumsBy(basic, (c) => c.economicCode);
  const existing = (doc['basicExpenditure'] ?? {}) as Record_;
  const labels = new Map(((existing['lines'] ?? []) as Line[]).map((l) => [String(l.code), l.label]));
  const lines: Line[] = [...byCode.keys()].sort().map((code) => {
    const label = labels.get(code);
    return { code, ...(label === undefined ? {} : { label }), amount: exactAmountText(byCode.get(code)!, unit) };
  });
  const budget = sum(detail.budgets.filter((b) => b.projectCode === '').map((b) => b.yearStartBudget));
  const actual = exactAmountText(sum(byCode.values()), unit);
  doc['basicExpenditure'] = { yearStartBudget: exactAmountText(budget, unit), ...existing, actual, lines };
  filled.push({ path: '$.basicExpenditure.actual', value: actual, source: 'ledger' });
  lines.forEach((line, i) =>
    filled.push({ path: `$.basicExpenditure.lines[${i}].amount`, value: line.amount, source: 'ledger' }),
  );
}

function fillProjects(doc: Record_, detail: LedgerDepartmentDetail, unit: MoneyUnit, filled: LedgerFilled[]): string[] {
  const byProject = sumsBy(
    detail.cells.filter((c) => c.projectCode !== ''),
    (c) => c.projectCode,
  );
  const names = new Map(detail.budgets.filter((b) => b.projectCode !== '').map((b) => [b.projectCode, b.projectName]));
  const projects = (doc['projects'] ?? []) as Record_[];
  const unmatched: string[] = [];
  for (const [code, name] of names) {
    const index = projects.findIndex((p) => p['name'] === name);
    if (index === -1) {
      unmatched.push(name === '' ? code : `${name}（${code}）`);
      continue;
    }
    const actual = exactAmountText(byProject.get(code) ?? (0n as Fen), unit);
    projects[index] = { ...projects[index], actual };
    filled.push({ path: `$.projects[${index}].actual`, value: actual, source: 'ledger' });
  }
  doc['projects'] = projects;
  return unmatched;
}

function fillPaymentProgress(
  doc: Record_,
  detail: LedgerDepartmentDetail,
  unit: MoneyUnit,
  filled: LedgerFilled[],
): void {
  const byMonth = sumsBy(
    detail.cells.filter((c) => c.projectCode !== ''),
    (c) => c.month,
  );
  if (byMonth.size === 0) return;
  const last = Math.max(...byMonth.keys());
  let cumulative = 0n;
  const points = [];
  for (let month = 1; month <= last; month++) {
    cumulative += byMonth.get(month) ?? 0n;
    points.push({ month, cumulativePaid: exactAmountText(cumulative as Fen, unit) });
  }
  doc['paymentProgress'] = { scope: 'project', base: 'fullYearBudget', points };
  points.forEach((p, i) =>
    filled.push({ path: `$.paymentProgress.points[${i}].cumulativePaid`, value: p.cumulativePaid, source: 'ledger' }),
  );
}

/** The document with its actual figures taken from the ledger, and the list of what was written. */
export function fillFromLedger(document: Record_, detail: LedgerDepartmentDetail): LedgerFillResult {
  const doc = structuredClone(document);
  const unit = doc['unit'] === '元' ? '元' : '万元';
  const filled: LedgerFilled[] = [];
  fillBasic(doc, detail, unit, filled);
  const unmatchedProjects = fillProjects(doc, detail, unit, filled);
  fillPaymentProgress(doc, detail, unit, filled);
  return { document: doc, filled, unmatchedProjects };
}
