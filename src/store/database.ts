import type { ColumnType, Generated } from 'kysely';

/**
 * Integer fen as stored: written as a decimal integer string (pg cannot bind a bigint; SQLite's INTEGER
 * affinity stores the string as an integer) and read back as number, string or bigint depending on the driver.
 * Only `fen-codec.ts` converts it.
 */
export type FenColumn = ColumnType<number | string | bigint, string, string>;

/** 部门（单位）: a node of the department tree (a bureau sees its own subtree). */
export type DepartmentTable = {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
};

/** 预算年度. */
export type FiscalYearTable = { year: number; created_at: string };

/** 数据集: one department, one fiscal year; its content lives in revisions. */
export type DatasetTable = {
  id: Generated<number>;
  department_id: number;
  fiscal_year: number;
  created_at: string;
};

/** 修订版本: immutable; the highest revision_no of a dataset is its working copy. */
export type RevisionTable = {
  id: Generated<number>;
  dataset_id: number;
  revision_no: number;
  based_on: number | null;
  author: string;
  created_at: string;
  summary: string;
  change_count: number;
  /** The dataset document as JSON text, amounts as exact decimal strings in `unit`. */
  document: string;
  unit: string;
  year_start_budget_total: FenColumn;
  full_year_budget_total: FenColumn;
  income_total: FenColumn;
  expenditure_total: FenColumn;
  /** 部门预算执行率 in hundredths of a percent (BIGINT, through `fen-codec.ts`); null when the budget is zero. */
  execution_rate: ColumnType<number | string | bigint | null, string | null, string | null>;
  error_count: number;
  warning_count: number;
};

/** 发布记录: append-only; the latest row of a dataset is what the public portal shows. */
export type PublicationTable = {
  id: Generated<number>;
  dataset_id: number;
  revision_no: number;
  published_at: string;
  published_by: string;
};

/** 评分规则包. */
export type RulePackTable = {
  id: Generated<number>;
  name: string;
  version: string;
  definition: string;
  created_at: string;
};

/** 操作日志: every write, import, export and publication. */
export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
};

export type Database = {
  departments: DepartmentTable;
  fiscal_years: FiscalYearTable;
  datasets: DatasetTable;
  revisions: RevisionTable;
  publications: PublicationTable;
  rule_packs: RulePackTable;
  audit_log: AuditLogTable;
};
