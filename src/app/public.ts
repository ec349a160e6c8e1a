import type { ReportFormat } from '../report/render/index.js';
import { listDatasets } from '../store/datasets-repo.js';
import { latestPublishedRevisionNo } from '../store/revisions-repo.js';
import { notFound, ok, type AppContext, type AppResult } from './context.js';
import { datasetReport, type RenderedFile } from './report.js';
import { loadRevision } from './revision-content.js';

export type PublishedReport = {
  datasetId: number;
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  publishedAt: string | null;
};

/** 公开: every dataset's latest published revision (the public portal lists these, never a working copy). */
export async function listPublished(ctx: AppContext, fiscalYear?: number): Promise<AppResult<PublishedReport[]>> {
  const datasets = await listDatasets(ctx.store.db, fiscalYear === undefined ? {} : { fiscalYear });
  const reports: PublishedReport[] = [];
  for (const d of datasets) {
    const revisionNo = await latestPublishedRevisionNo(ctx.store.db, d.id);
    if (revisionNo === null) continue;
    const revision = await loadRevision(ctx, d.id, revisionNo);
    const publishedAt = revision.ok ? revision.value.publishedAt : null;
    reports.push({
      datasetId: d.id,
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      fiscalYear: d.fiscalYear,
      revision: revisionNo,
      publishedAt,
    });
  }
  return ok(reports);
}

/** The report of a dataset's latest published revision; 404 when nothing is published. */
export async function publishedReport(
  ctx: AppContext,
  datasetId: number,
  format: ReportFormat,
): Promise<AppResult<RenderedFile>> {
  const revisionNo = await latestPublishedRevisionNo(ctx.store.db, datasetId);
  if (revisionNo === null) return notFound(`数据集 ${datasetId} 没有已公开的报告`);
  return datasetReport(ctx, { datasetId, revisionNo }, format);
}
