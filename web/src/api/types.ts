/**
 * What the web app reads from the API. The server's zod contract (src/server) is the authority; these are
 * the fields the pages use, kept loose where the web app only passes a value through.
 */

import type { FormsJson } from '../../../src/domain/forms/to-json.js';

/** 文档类型 (docs/dataset.md "Document kinds"): which document the dataset holds; `report` when absent. */
export type DocumentKind = 'report' | 'departmentForm' | 'projectForm' | 'finalAccounts';

/** 自评表资金来源行 as printed; a column the form does not print is absent. Amounts in the dataset's unit. */
export type FormFundsRowDoc = {
  source: string;
  yearStartBudget?: string;
  fullYearBudget?: string;
  actual?: string;
  weight?: string;
  declaredRate?: string;
  declaredScore?: string;
};

/** 自评表 as printed (src/domain/dataset/form-table.ts): values as written ("≥95%", "完成"). */
export type FormTableDoc = {
  scope: 'department' | 'project';
  name: string;
  code?: string;
  department?: string;
  implementer?: string;
  funds?: {
    rows: FormFundsRowDoc[];
    declaredTotal?: Partial<
      Record<'yearStartBudget' | 'fullYearBudget' | 'actual' | 'weight' | 'rate' | 'score', string>
    >;
    adjustmentReason?: string;
  };
  annualTargets: { target: string; actual?: string }[];
  indicators: {
    level1: string;
    level2?: string;
    name: string;
    target?: string;
    actual?: string;
    direction?: '≥' | '≤' | '=' | '定性';
    weight?: string;
    declaredScore?: string;
    deviationReason?: string;
    linksTo?: 'executionRate' | 'cost';
  }[];
  declaredTotal?: string;
  declaredGrade?: '优' | '良' | '中' | '差';
};

/**
 * 数据集文档: the dataset as plain JSON, amounts as exact decimal strings in its unit. Loose: the editor reads
 * and writes it by path. The parts a document kind does not print are absent (`income`, `basicExpenditure`,
 * `basicExpenditure.threePublic`, `department.staffing`, `department.budgetScope`), never zero.
 */
export type DatasetDocument = {
  [key: string]: unknown;
  kind?: DocumentKind;
  fiscalYear?: number;
  forms?: FormTableDoc[];
  income?: Record<string, unknown>;
  basicExpenditure?: Record<string, unknown> & { threePublic?: Record<string, unknown> };
};

/** 部门. */
export type DepartmentSummary = { id: number; code: string; name: string; parentId: number | null };

/** 关键数字 of a revision, as the store keeps them (amounts "901.68" in the revision's unit, rate "84.87"). */
export type KeyFigures = {
  yearStartBudgetTotal: string;
  fullYearBudgetTotal: string;
  incomeTotal: string;
  expenditureTotal: string;
  executionRate: string | null;
  errorCount: number;
  warningCount: number;
};

/** 修订版本 summary (src/app/wire.ts `revisionSummaryToWire`). */
export type RevisionSummary = {
  revisionNo: number;
  basedOn: number | null;
  author: string;
  createdAt: string;
  summary: string;
  changeCount: number;
  publishedAt: string | null;
  publishedBy: string | null;
  unit: string;
  keyFigures: KeyFigures;
};

/** One revision with its document (GET …/revisions/:revisionNo). */
export type RevisionDetail = RevisionSummary & { document: DatasetDocument };

/** 审核状态 (docs/accounts-and-workflow.md): draft → submitted → returned / approved → published. */
export type WorkflowState = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

/** One dataset (src/app/wire.ts `datasetRecordToWire`). */
export type DatasetSummary = {
  id: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  createdAt: string;
  latestRevision: RevisionSummary;
  /**
   * 最新公开版本: the newest published revision, which may be older than the working copy. Newer servers send
   * it (as the summary or its number, null when nothing is published); read it through `publishedRevisionNo`.
   */
  latestPublishedRevision?: RevisionSummary | number | null;
  state: WorkflowState;
  /** 草稿, 已提交, 已退回, 已审核通过, 已公开 — from the server, never composed here. */
  stateLabel: string;
  /** The revision submitted / approved / published; null in draft. */
  stateRevision: number | null;
};

/** POST /api/import (and …/import): `saved: false` on a dry run, with the document read from the file. */
export type ImportAnswer = { saved: false; document: DatasetDocument } | ({ saved: true } & DatasetDetail);

/** A dataset with its working copy. */
export type DatasetDetail = DatasetSummary & { document: DatasetDocument };

/**
 * 409 on a save: the stored latest revision and the submitted one (src/app/datasets.ts `saveDatasetFrom`).
 * The server may put these at the top of the body or under `details`.
 */
export type ConflictDetails = {
  latest: RevisionSummary & { document: DatasetDocument };
  submitted?: { baseRevision: number; document: DatasetDocument };
  /** The server's field-by-field differences: `old` is the stored latest, `new` the submitted document. */
  changes?: { path?: (string | number)[]; pathText: string; old?: unknown; new?: unknown }[];
};
export type ConflictBody = ConflictDetails | { details: ConflictDetails };

/** A finding as the API reports it (GET …/findings, 409 `details.blocking`): `key` is `CODE@$.path`. */
export type WireFinding = {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  path: (string | number)[];
  pathText: string;
  key?: string;
};
export type FindingsAnswer = { counts: { error: number; warning: number; info: number }; findings: WireFinding[] };

/** A located problem as the API reports it (400 on a bad document or a bad workbook). */
export type ApiFinding = {
  severity?: string;
  code?: string;
  message: string;
  path?: (string | number)[] | string;
  /** 单元格, e.g. "项目!C7" (workbook imports). */
  cell?: string;
  location?: string;
};

/** 得分 as the API reports it. */
export type ScoreItem = { name: string; weight: string; score: string; explanation?: string };
/**
 * `total`, `subtotal` and `grade` are null when the document has nothing to score (`scored: false`, a 决算说明 without
 * printed forms; `message` says so). Each printed 自评表 is scored on its own in `forms`: a 项目自评表 or 部门整体自评表
 * document's score is there, not in the top-level total.
 */
export type ScoreResult = {
  scored: boolean;
  kind: DocumentKind;
  message?: string;
  total: string | null;
  subtotal: string | null;
  grade: string | null;
  items: ScoreItem[];
  pack?: string;
  packTitle?: string;
  forms: FormsJson;
};

/** 问题: a drafted problem. */
export type DraftedProblem = { code: string; text: string; path?: (string | number)[]; severity?: string };

/** A published report in the public portal. */
export type PublishedReport = {
  datasetId: number;
  departmentId?: number;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  publishedAt?: string;
};

/** 财政局总览 row (src/app/overview.ts): percents as "84.87", the score as "98.49"; null when not computable. */
export type OverviewRowWire = {
  datasetId: number;
  fiscalYear: number;
  department: { id: number; code: string; name: string; parentId: number | null };
  latestRevision: number | null;
  latestPublishedRevision: { revisionNo: number; publishedAt: string; publishedBy: string } | null;
  status: 'published' | 'has-errors' | 'incomplete' | 'ready' | 'error';
  statusLabel: string;
  /** Why the row has no figures (status `error`). */
  failure: { code: string; message: string } | null;
  executionRate: string | null;
  projectExecutionRateYearStart: string | null;
  projectExecutionRateFullYear: string | null;
  payments: { month: number; progress: string | null; schedule: string; behind: boolean }[];
  scoreTotal: string | null;
  grade: string | null;
  errorCount: number;
  warningCount: number;
  infoCount: number;
};

/** One finding of POST /api/audit-report (src/app/audit-report.ts `AuditFinding`). */
export type AuditFindingWire = {
  severity: 'error' | 'warning' | 'info';
  verdict: 'error' | 'rounding' | 'warning' | 'info';
  code: string;
  message: string;
  pathText: string;
  figures?: Record<string, string>;
  place?: string;
  quote?: string;
};

/** POST /api/audit-report: what an existing report states, what does not add up, and the draft dataset. */
export type AuditAnswer = {
  ok: true;
  format: string;
  kind: string;
  fiscalYear: number | null;
  department: string | null;
  findings: AuditFindingWire[];
  figures: { pathText: string; label?: string; value: string; place?: string; quote?: string }[];
  unplaced: { label: string; value?: string; reason: string; place?: string; quote?: string }[];
  draft: DatasetDocument;
};
