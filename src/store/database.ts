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
  /** 审核状态: draft | submitted | returned | approved | published. */
  state: ColumnType<string, string | undefined, string>;
  /** The revision submitted, approved or published; null in draft. */
  state_revision: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** SHA-256 of the revision's document at publication; the portal refuses content that no longer matches. */
  content_hash: string | null;
};

/** 评分规则包. */
export type RulePackTable = {
  id: Generated<number>;
  name: string;
  version: string;
  definition: string;
  created_at: string;
};

/** 操作日志: every write, refused write, review step and read of a draft; append-only, hash-chained. */
export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
  actor_role: string | null;
  department_id: number | null;
  /** The previous entry's hash ('' for the first) and this entry's own: the chain `jixiao log verify` checks. */
  prev_hash: string | null;
  hash: string | null;
};

/** The chain's head: one row, locked by every append. */
export type AuditHeadTable = { id: number; hash: string; last_id: number; entries: number };

/** 用户: an account with one role; editors are linked to their departments in user_departments. */
export type UserTable = {
  id: Generated<number>;
  name: string;
  display_name: string;
  role: string;
  /** argon2id PHC string. */
  password_hash: string;
  disabled: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
};

export type UserDepartmentTable = { user_id: number; department_id: number };

/** 会话: held in the database so several servers share them; the cookie's token is stored as its SHA-256. */
export type SessionTable = {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  address: string;
};

/** A failed login, keyed `account:NAME` or `address:IP`, for throttling. */
export type LoginFailureTable = { id: Generated<number>; key: string; at: string };

/** 审核步骤: append-only. */
export type WorkflowStepTable = {
  id: Generated<number>;
  dataset_id: number;
  revision_no: number;
  action: string;
  from_state: string;
  to_state: string;
  actor: string;
  actor_id: number | null;
  at: string;
  comment: string | null;
  /** JSON: the department's explanations of warnings (submit). */
  detail: string;
};

/** 审核意见: on a field (JSON path text) or on the whole report, with answers (reply_to). */
export type ReviewCommentTable = {
  id: Generated<number>;
  dataset_id: number;
  revision_no: number;
  path: string | null;
  body: string;
  author: string;
  author_id: number | null;
  author_role: string;
  reply_to: number | null;
  created_at: string;
};

/**
 * 总览行缓存: what the bureau overview shows of a revision (`RevisionOverview` as JSON), computed once and kept so a
 * restarted server answers the overview without evaluating every document again. Derived data: `evaluator` names
 * the code that computed it, and a row of another evaluator is ignored and replaced.
 */
export type RevisionOverviewTable = { dataset_id: number; revision_no: number; evaluator: string; overview: string };

export type Database = {
  departments: DepartmentTable;
  fiscal_years: FiscalYearTable;
  datasets: DatasetTable;
  revisions: RevisionTable;
  publications: PublicationTable;
  rule_packs: RulePackTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  users: UserTable;
  user_departments: UserDepartmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  workflow_steps: WorkflowStepTable;
  review_comments: ReviewCommentTable;
  revision_overviews: RevisionOverviewTable;
};
