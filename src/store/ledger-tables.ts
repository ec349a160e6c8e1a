import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database, FenColumn } from './database.js';
import type { Store } from './connect.js';

/** 流水年度: how many imports of a year committed (each import checks it did not change under it). */
export type LedgerYearTable = { fiscal_year: number; imports: number };

/** 流水导入记录: one committed import with its reconciliation. */
export type LedgerImportTable = {
  id: Generated<number>;
  fiscal_year: number;
  file_name: string;
  file_sha256: string;
  budgets_sha256: string;
  encoding: string;
  bytes: FenColumn;
  lines_read: number;
  accepted: number;
  rejected: number;
  /** JSON: rejected lines by code. */
  rejected_by_code: string;
  accepted_total: FenColumn;
  actor: string;
  imported_at: string;
};

export type LedgerCellTable = {
  fiscal_year: number;
  department_code: string;
  /** '' for 基本支出. */
  project_code: string;
  economic_code: string;
  month: number;
  amount: FenColumn;
  payments: number;
};

export type LedgerDayTable = {
  fiscal_year: number;
  department_code: string;
  /** 1-based day of the year. */
  day: number;
  amount: FenColumn;
  payments: number;
};

export type LedgerBudgetTable = {
  fiscal_year: number;
  department_code: string;
  project_code: string;
  economic_code: string;
  year_start_budget: FenColumn;
  adjustments: FenColumn;
  project_name: string;
  department_name: string;
};

export type LedgerVoucherHashTable = { fiscal_year: number; chunk_no: number; hashes: Uint8Array };

export type LedgerTables = {
  ledger_years: LedgerYearTable;
  ledger_imports: LedgerImportTable;
  ledger_cells: LedgerCellTable;
  ledger_days: LedgerDayTable;
  ledger_budgets: LedgerBudgetTable;
  ledger_voucher_hashes: LedgerVoucherHashTable;
};

export type LedgerDatabase = Database & LedgerTables;

/** The store's connection with the ledger tables typed (they are kept out of `Database`, which other code owns). */
export const ledgerDb = (store: Store): Kysely<LedgerDatabase> => store.db.withTables<LedgerTables>();

export type LedgerExecutor = Kysely<LedgerDatabase> | Transaction<LedgerDatabase>;
