import type { LedgerProgress } from '../../../src/domain/ledger/progress.js';
import { getJson, withQuery } from '../api/http.js';
import { localDateText } from '../format.js';
import type { OverviewRow, PaymentStanding } from './overview-row.js';

/** The ledger's answer for the overview's year, or null when no payments of that year were imported. */
export type PaymentStandings = {
  asOf: string;
  laggingCount: number;
  departmentCount: number;
  /** By 部门编码, and by 部门名称 as the budgets file names it. */
  byKey: ReadonlyMap<string, PaymentStanding>;
};

/** The date the overview asks the ledger about: today within the year, else the year's last day. */
export function standingDate(year: number, today: Date = new Date()): string {
  return year >= today.getFullYear() ? localDateText(today) : `${year}-12-31`;
}

/** Each department's payment progress of `year` (GET /api/ledger/progress), keyed by department code. */
export async function loadPaymentStandings(year: number): Promise<PaymentStandings | null> {
  const asOf = standingDate(year);
  const answer = await getJson<LedgerProgress>(withQuery('/api/ledger/progress', { asOf }));
  if (answer.departments.length === 0) return null;
  const byKey = new Map<string, PaymentStanding>();
  for (const d of answer.departments) {
    const standing = {
      progress: d.progress === null ? null : Number(d.progress),
      schedule: Number(d.schedule),
      lagging: d.lagging,
    };
    if (d.departmentName !== '' && !byKey.has(d.departmentName)) byKey.set(d.departmentName, standing);
    byKey.set(d.departmentCode, standing);
  }
  return { asOf, laggingCount: answer.laggingCount, departmentCount: answer.departments.length, byKey };
}

/**
 * Each row with its department's standing (none when the ledger lacks it): matched by 部门编码, else by name — a
 * department created without a code carries its name as code, while the treasury knows it by its number.
 */
export function withPaymentStandings(rows: readonly OverviewRow[], standings: PaymentStandings | null): OverviewRow[] {
  if (standings === null) return [...rows];
  return rows.map((row) => {
    const standing = standings.byKey.get(row.departmentCode) ?? standings.byKey.get(row.departmentName);
    return standing === undefined ? row : { ...row, payment: standing };
  });
}
