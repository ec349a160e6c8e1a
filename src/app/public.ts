import type { ReportFormat } from '../report/render/index.js';
import { listDatasets } from '../store/datasets-repo.js';
import { latestPublication } from '../store/publications-repo.js';
import { notFound, ok, type AppContext, type AppResult } from './context.js';
import { datasetReport, type RenderedFile } from './report.js';
import { loadRevision } from './revision-content.js';
import { contentHash } from '../store/audit-hash.js';

export type PublishedReport = {
  datasetId: number;
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  publishedAt: string;
  publishedBy: string;
};

/** 公开: every dataset's latest publication (the public portal lists these, never a working copy). */
export async function listPublished(ctx: AppContext, fiscalYear?: number): Promise<AppResult<PublishedReport[]>> {
  const { records } = await listDatasets(ctx.store.db, fiscalYear === undefined ? {} : { fiscalYear });
  return ok(
    records.flatMap((d) =>
      d.latestPublication === null
        ? []
        : [
            {
              datasetId: d.id,
              departmentId: d.departmentId,
              departmentName: d.departmentName,
              fiscalYear: d.fiscalYear,
              revision: d.latestPublication.revisionNo,
              publishedAt: d.latestPublication.publishedAt,
              publishedBy: d.latestPublication.publishedBy,
            },
          ],
    ),
  );
}

/** The report of the revision of a dataset's latest publication; 404 when nothing is published. */
export async function publishedReport(
  ctx: AppContext,
  datasetId: number,
  format: ReportFormat,
): Promise<AppResult<RenderedFile>> {
  const publication = await latestPublication(ctx.store.db, datasetId);
  if (publication === undefined) return notFound(`数据集 ${datasetId} 没有已公开的报告`);
  const revision = await loadRevision(ctx, datasetId, publication.revisionNo);
  if (!revision.ok) return revision;
  if (publication.contentHash != null && publication.contentHash !== contentHash(revision.value.document))
    return {
      ok: false,
      error: { kind: 'INTEGRITY', message: `数据集 ${datasetId} 已公开的内容与发布时的校验值不符，暂停提供，已记录` },
    };
  return datasetReport(ctx, { datasetId, revisionNo: publication.revisionNo }, format);
}
