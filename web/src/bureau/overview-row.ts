import { runChecks } from '../../../src/domain/checks/run-checks.js';
import { parseDataset } from '../../../src/domain/dataset/parse.js';
import { computeFigures } from '../../../src/domain/figures/compute.js';
import { countBySeverity } from '../../../src/domain/findings/finding.js';
import { formatPercent, type Percent } from '../../../src/domain/money/index.js';
import { packForDataset } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { formatPoints } from '../../../src/domain/scoring/points.js';
import { scoreDataset } from '../../../src/domain/scoring/score-dataset.js';
import { api } from '../api/endpoints.js';
import { publishedRevisionNo } from '../api/revision-of.js';
import type { DatasetDetail, DatasetSummary } from '../api/types.js';

/** 审核状态 of a department's year (已公开: the working copy is the published revision). */
export type OverviewStatus = '已公开' | '有错误' | '待完善' | '可提交' | '读取失败';

/** One department in the bureau overview; rates as numbers (hundredths exact → 2 decimals) for sorting and charts. */
export type OverviewRow = {
  datasetId: number;
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  /** 公开版本: the newest published revision, possibly older than the working copy. */
  publishedRevision: number | null;
  /** Why this department's data could not be read (the other rows still show). */
  loadError?: string;
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

const EMPTY = {
  executionRate: null,
  projectExecutionRate: null,
  payments: [],
  score: null,
  scoreValue: null,
  grade: null,
  warnings: 0,
} as const;

const baseOf = (d: DatasetSummary, publishedRevision: number | null) => ({
  datasetId: d.id,
  departmentId: d.departmentId,
  departmentName: d.departmentName,
  fiscalYear: d.fiscalYear,
  revision: d.latestRevision.revisionNo,
  publishedRevision,
});

/** A department whose data could not be fetched or computed: shown with the reason, not dropped. */
export function errorRow(summary: DatasetSummary, publishedRevision: number | null, reason: unknown): OverviewRow {
  const loadError = reason instanceof Error ? reason.message : String(reason);
  return { ...baseOf(summary, publishedRevision), ...EMPTY, payments: [], errors: 0, status: '读取失败', loadError };
}

/** Computes a department's row from its document with the same domain core as everywhere else. */
export function overviewRow(detail: DatasetDetail, publishedRevision: number | null = null): OverviewRow {
  const base = baseOf(detail, publishedRevision);
  const parsed = parseDataset(detail.document);
  if (!parsed.ok) return { ...base, ...EMPTY, payments: [], errors: parsed.errors.length, status: '有错误' };
  const figures = computeFigures(parsed.dataset);
  const counts = countBySeverity(runChecks(parsed.dataset, figures));
  const pack = packForDataset(parsed.dataset.rulePack);
  const score = pack === null ? null : scoreDataset(parsed.dataset, pack, figures);
  const published = publishedRevision === base.revision;
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

/**
 * 公开版本 per dataset: from the list payload when the server sends it, else from the public portal's list
 * (what the public actually sees). Unknown stays null.
 */
async function publishedRevisions(
  datasets: readonly DatasetSummary[],
  year: number | undefined,
): Promise<Map<number, number>> {
  const known = new Map<number, number>();
  let missing = false;
  for (const d of datasets) {
    const no = publishedRevisionNo(d);
    if (no === undefined) missing = true;
    else if (no !== null) known.set(d.id, no);
  }
  if (!missing) return known;
  try {
    for (const report of await api.published(year))
      if (!known.has(report.datasetId) || (known.get(report.datasetId) ?? 0) < report.revision)
        known.set(report.datasetId, report.revision);
  } catch {
    // The portal list is a fallback only: without it the rows show what the list payload said.
  }
  return known;
}

/** Runs at most `n` tasks at once (the server is not asked for fifty documents in one burst). */
function gate(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Fetches every dataset of the year (four at a time) and computes its row. `year` undefined: the datasets
 * span years (the per-department comparison), so the portal is asked for all years.
 */
export async function loadOverviewRows(datasets: readonly DatasetSummary[], year?: number): Promise<OverviewRow[]> {
  const published = await publishedRevisions(datasets, year);
  const limit = gate(4);
  const settled = await Promise.allSettled(
    datasets.map((d) => limit(async () => overviewRow(await api.dataset(d.id), published.get(d.id) ?? null))),
  );
  const rows = settled.map((result, i) => {
    const summary = datasets[i] as DatasetSummary;
    if (result.status === 'fulfilled') return result.value;
    return errorRow(summary, published.get(summary.id) ?? null, result.reason);
  });
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'));
}
