import { runChecks } from '../../../src/domain/checks/run-checks.js';
import { parseDataset } from '../../../src/domain/dataset/parse.js';
import { computeFigures } from '../../../src/domain/figures/compute.js';
import { countBySeverity } from '../../../src/domain/findings/finding.js';
import { formatPercent, type Percent } from '../../../src/domain/money/index.js';
import { packForDataset } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { formatPoints } from '../../../src/domain/scoring/points.js';
import { scoreDataset } from '../../../src/domain/scoring/score-dataset.js';
import { api } from '../api/endpoints.js';
import type { DatasetDetail, DatasetSummary } from '../api/types.js';

/** 审核状态 of a department's year. */
export type OverviewStatus = '已公开' | '有错误' | '待完善' | '可提交';

/** One department in the bureau overview; rates as numbers (hundredths exact → 2 decimals) for sorting and charts. */
export type OverviewRow = {
  datasetId: number;
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  executionRate: number | null;
  projectExecutionRate: number | null;
  /** 支付进度 by checkpoint month, with the schedule. */
  payments: { month: number; progress: number | null; schedule: number }[];
  score: string | null;
  scoreValue: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  status: OverviewStatus;
};

const pctNumber = (p: Percent | null): number | null => (p === null ? null : Number(formatPercent(p)));

/** Computes a department's row from its document with the same domain core as everywhere else. */
export function overviewRow(detail: DatasetDetail): OverviewRow {
  const base = {
    datasetId: detail.id,
    departmentId: detail.departmentId,
    departmentName: detail.departmentName,
    fiscalYear: detail.fiscalYear,
    revision: detail.latestRevision.revisionNo,
  };
  const parsed = parseDataset(detail.document);
  if (!parsed.ok)
    return {
      ...base,
      executionRate: null,
      projectExecutionRate: null,
      payments: [],
      score: null,
      scoreValue: null,
      grade: null,
      errors: parsed.errors.length,
      warnings: 0,
      status: '有错误',
    };
  const figures = computeFigures(parsed.dataset);
  const counts = countBySeverity(runChecks(parsed.dataset, figures));
  const pack = packForDataset(parsed.dataset.rulePack);
  const score = pack === null ? null : scoreDataset(parsed.dataset, pack, figures);
  const published = detail.latestRevision.publishedAt !== null;
  return {
    ...base,
    executionRate: pctNumber(figures.percents.executionRate),
    projectExecutionRate: pctNumber(figures.percents.projectExecutionRate),
    payments: (figures.paymentProgress?.points ?? []).map((p) => ({
      month: p.month,
      progress: pctNumber(p.progress),
      schedule: pctNumber(p.schedule) ?? 0,
    })),
    score: score === null ? null : formatPoints(score.total),
    scoreValue: score === null ? null : Number(formatPoints(score.total)),
    grade: score?.grade ?? null,
    errors: counts.error,
    warnings: counts.warning,
    status: published ? '已公开' : counts.error > 0 ? '有错误' : counts.warning > 0 ? '待完善' : '可提交',
  };
}

/** Fetches every dataset of the list (four at a time) and computes its row. */
export async function loadOverviewRows(datasets: readonly DatasetSummary[]): Promise<OverviewRow[]> {
  const rows: OverviewRow[] = [];
  const queue = [...datasets];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift())
      rows.push(overviewRow(await api.dataset(next.id)));
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'));
}
