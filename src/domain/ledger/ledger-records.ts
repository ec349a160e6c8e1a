import type { Fen } from '../money/index.js';

/**
 * The records of a treasury ledger import (国库支付流水) that the reader produces and the store keeps: here, below
 * both, so that `src/ingest/ledger` and `src/store` name one type each instead of restating its fields.
 */

/** One stored aggregate: the payments of a department, project ('' = basic) and economic code in one month. */
export type LedgerCell = {
  departmentCode: string;
  projectCode: string;
  economicCode: string;
  month: number;
  amount: Fen;
  payments: number;
};

/** One department's payments on one day (for 累计支付进度 as of any date). */
export type LedgerDay = { departmentCode: string; day: number; amount: Fen; payments: number };

/** One line of the budgets CSV: a department's budget for one project (empty = 基本支出) and economic code. */
export type BudgetLine = {
  departmentCode: string;
  /** '' for basic expenditure. */
  projectCode: string;
  economicCode: string;
  yearStartBudget: Fen;
  adjustments: Fen;
  projectName: string;
  departmentName: string;
};
