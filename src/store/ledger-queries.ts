import type { Fen } from '../domain/money/index.js';
import type { Store } from './connect.js';
import { fenFromDb } from './fen-codec.js';
import { ledgerDb } from './ledger-tables.js';

type SumValue = number | string | bigint | null;
const sumOf = (value: SumValue): Fen => fenFromDb(value ?? 0);

/** A department's budget as the ledger's budgets give it. */
export type LedgerDepartmentBudget = {
  departmentCode: string;
  departmentName: string;
  yearStartBudget: Fen;
  adjustments: Fen;
};

/** Every department with a budget in the year (optionally only `codes`), its budget summed over its lines. */
export async function ledgerDepartmentBudgets(
  store: Store,
  year: number,
  codes?: readonly string[],
): Promise<LedgerDepartmentBudget[]> {
  let query = ledgerDb(store)
    .selectFrom('ledger_budgets')
    .select((eb) => [
      'department_code',
      eb.fn.max('department_name').as('department_name'),
      eb.fn.sum<SumValue>('year_start_budget').as('year_start_budget'),
      eb.fn.sum<SumValue>('adjustments').as('adjustments'),
    ])
    .where('fiscal_year', '=', year)
    .groupBy('department_code')
    .orderBy('department_code');
  if (codes !== undefined) query = query.where('department_code', 'in', codes.length > 0 ? [...codes] : ['']);
  const rows = await query.execute();
  return rows.map((r) => ({
    departmentCode: r.department_code,
    departmentName: r.department_name ?? '',
    yearStartBudget: sumOf(r.year_start_budget),
    adjustments: sumOf(r.adjustments),
  }));
}

/** Each department's payments per day, up to `throughDay` (inclusive). */
export async function ledgerPaidByDay(
  store: Store,
  year: number,
  throughDay: number,
  codes?: readonly string[],
): Promise<{ departmentCode: string; day: number; amount: Fen }[]> {
  let query = ledgerDb(store)
    .selectFrom('ledger_days')
    .select(['department_code', 'day', 'amount'])
    .where('fiscal_year', '=', year)
    .where('day', '<=', throughDay)
    .orderBy('department_code')
    .orderBy('day');
  if (codes !== undefined) query = query.where('department_code', 'in', codes.length > 0 ? [...codes] : ['']);
  const rows = await query.execute();
  return rows.map((r) => ({ departmentCode: r.department_code, day: r.day, amount: fenFromDb(r.amount) }));
}

/** One department's sums by project, economic code and month, and its budget lines: what fills a dataset. */
export async function ledgerDepartmentDetail(store: Store, year: number, departmentCode: string) {
  const db = ledgerDb(store);
  const cells = await db
    .selectFrom('ledger_cells')
    .select(['project_code', 'economic_code', 'month', 'amount', 'payments'])
    .where('fiscal_year', '=', year)
    .where('department_code', '=', departmentCode)
    .orderBy('project_code')
    .orderBy('economic_code')
    .orderBy('month')
    .execute();
  const budgets = await db
    .selectFrom('ledger_budgets')
    .selectAll()
    .where('fiscal_year', '=', year)
    .where('department_code', '=', departmentCode)
    .orderBy('project_code')
    .orderBy('economic_code')
    .execute();
  return {
    cells: cells.map((c) => ({
      projectCode: c.project_code,
      economicCode: c.economic_code,
      month: c.month,
      amount: fenFromDb(c.amount),
      payments: c.payments,
    })),
    budgets: budgets.map((b) => ({
      projectCode: b.project_code,
      economicCode: b.economic_code,
      projectName: b.project_name,
      yearStartBudget: fenFromDb(b.year_start_budget),
      adjustments: fenFromDb(b.adjustments),
    })),
  };
}

export type LedgerImportRun = {
  id: number;
  year: number;
  fileName: string;
  fileSha256: string;
  linesRead: number;
  accepted: number;
  rejected: number;
  acceptedTotal: Fen;
  actor: string;
  importedAt: string;
};

export async function listLedgerImports(store: Store, year?: number): Promise<LedgerImportRun[]> {
  let query = ledgerDb(store).selectFrom('ledger_imports').selectAll().orderBy('id');
  if (year !== undefined) query = query.where('fiscal_year', '=', year);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.fiscal_year,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    linesRead: r.lines_read,
    accepted: r.accepted,
    rejected: r.rejected,
    acceptedTotal: fenFromDb(r.accepted_total),
    actor: r.actor,
    importedAt: r.imported_at,
  }));
}

/** The sum of every stored cell of a year (the integrity check: it equals the sum of the runs' accepted totals). */
export async function ledgerYearTotals(store: Store, year: number): Promise<{ cells: Fen; days: Fen; runs: Fen }> {
  const db = ledgerDb(store);
  const total = async (
    table: 'ledger_cells' | 'ledger_days' | 'ledger_imports',
    column: 'amount' | 'accepted_total',
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.sum<SumValue>(eb.ref(column)).as('total'))
      .where('fiscal_year', '=', year)
      .executeTakeFirstOrThrow();
    return sumOf(row.total);
  };
  return {
    cells: await total('ledger_cells', 'amount'),
    days: await total('ledger_days', 'amount'),
    runs: await total('ledger_imports', 'accepted_total'),
  };
}
