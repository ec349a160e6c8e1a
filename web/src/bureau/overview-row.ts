import { api } from '../api/endpoints.js';
import type { DatasetSummary, OverviewRowWire, WorkflowState } from '../api/types.js';

/** 审核状态 of a department's year (已公开: the working copy is the published revision), as the table shows it. */
export type OverviewStatus = '已公开' | '有错误' | '待完善' | '可提交' | '无法计算';

const STATUS: Readonly<Record<OverviewRowWire['status'], OverviewStatus>> = {
  published: '已公开',
  'has-errors': '有错误',
  incomplete: '待完善',
  ready: '可提交',
  error: '无法计算',
};

/** A department's 国库支付进度 in the overview: from the treasury ledger, not from its dataset. */
export type PaymentStanding = { progress: number | null; schedule: number; lagging: boolean };

/** One department in the bureau overview; rates as numbers (hundredths exact → 2 decimals) for sorting and charts. */
export type OverviewRow = {
  datasetId: number;
  departmentId: number;
  departmentName: string;
  /** 部门编码, which the treasury ledger uses. */
  departmentCode: string;
  fiscalYear: number;
  revision: number;
  /** 公开版本: the newest published revision, possibly older than the working copy. */
  publishedRevision: number | null;
  /** Why this department's figures could not be computed (the other rows still show). */
  loadError?: string;
  executionRate: number | null;
  projectExecutionRate: number | null;
  projectExecutionRateFullYear: number | null;
  /** 支付进度 by checkpoint month, with the schedule. */
  payments: { month: number; progress: number | null; schedule: number }[];
  score: string | null;
  scoreValue: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  status: OverviewStatus;
  /** 国库支付进度 from the ledger (payment-standing.ts), when its payments of the year were imported. */
  payment?: PaymentStanding;
  /** 审核状态, from the dataset list (the overview rows do not carry it). */
  review?: { state: WorkflowState; label: string; revision: number | null };
};

/** Percent text "84.87" as a number for sorting and charts; the text has two decimals, so nothing is lost. */
const num = (text: string | null): number | null => (text === null ? null : Number(text));

/** A server row (computed there by selfEvaluate, src/app/overview.ts) in the shape the table and charts use. */
export function overviewRowFromWire(w: OverviewRowWire): OverviewRow {
  const row: OverviewRow = {
    datasetId: w.datasetId,
    departmentId: w.department.id,
    departmentName: w.department.name,
    departmentCode: w.department.code,
    fiscalYear: w.fiscalYear,
    revision: w.latestRevision ?? 0,
    publishedRevision: w.latestPublishedRevision?.revisionNo ?? null,
    executionRate: num(w.executionRate),
    projectExecutionRate: num(w.projectExecutionRateYearStart),
    projectExecutionRateFullYear: num(w.projectExecutionRateFullYear),
    payments: w.payments.map((p) => ({ month: p.month, progress: num(p.progress), schedule: Number(p.schedule) })),
    score: w.scoreTotal,
    scoreValue: num(w.scoreTotal),
    grade: w.grade,
    errors: w.errorCount,
    warnings: w.warningCount,
    status: STATUS[w.status],
  };
  return w.failure === null ? row : { ...row, loadError: w.failure.message };
}

/** 财政局总览 rows of a year (optionally of one department), by department name. One request, no documents. */
export async function loadOverviewRows(year: number, departmentId?: number): Promise<OverviewRow[]> {
  const rows = (await api.overview(year, departmentId)).map(overviewRowFromWire);
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'));
}

/** Each row with its dataset's review state (draft … published), matched by dataset id. */
export function withReviewStates(rows: readonly OverviewRow[], datasets: readonly DatasetSummary[]): OverviewRow[] {
  const byId = new Map(datasets.map((d) => [d.id, d]));
  return rows.map((row) => {
    const d = byId.get(row.datasetId);
    return d === undefined
      ? row
      : { ...row, review: { state: d.state, label: d.stateLabel, revision: d.stateRevision } };
  });
}
