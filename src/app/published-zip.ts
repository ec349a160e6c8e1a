import type { Readable } from 'node:stream';
import type { ReportFormat } from '../report/render/index.js';
import { bulkReportItems, renderBulkReports, type BulkOutcome } from './bulk-reports.js';
import { notFound, ok, type AppContext, type AppResult } from './context.js';
import { createZipStream, type ZipStream } from './zip-stream.js';

/** What the bureau download holds for each department. */
export const PUBLISHED_ZIP_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];

export type ZipDownload = { fileName: string; stream: Readable };

/** Adds one department's files; a department that failed is listed in 未生成的报告.txt at the end instead. */
async function addOutcome(zip: ZipStream, outcome: BulkOutcome, failures: string[]): Promise<void> {
  if (!outcome.ok) {
    failures.push(`${outcome.item.departmentCode} ${outcome.item.departmentName}：${outcome.message}`);
    return;
  }
  for (const file of outcome.files) await zip.add(`${outcome.item.fileStem}.${file.format}`, file.bytes);
}

/**
 * 已公开报告打包下载: every published report of a year (each department's latest publication) as one zip of DOCX
 * and PDF, rendered through the worker pool and streamed entry by entry as departments complete. 404 when nothing
 * of that year is published. A client that goes away stops the rendering; the pool is shared, so each worker
 * takes at most one more department before other requests' reports.
 */
export async function publishedReportsZip(ctx: AppContext, fiscalYear: number): Promise<AppResult<ZipDownload>> {
  const items = await bulkReportItems(ctx, { fiscalYear, publishedOnly: true });
  if (items.length === 0) return notFound(`${fiscalYear} 年度没有已公开的报告`);
  const zip = createZipStream(ctx.now());
  const failures: string[] = [];
  const options = { runner: ctx.heavy, published: true };
  void renderBulkReports(ctx, items, PUBLISHED_ZIP_FORMATS, options, async (outcome) => {
    if (zip.stream.destroyed) throw new Error('下载已中断');
    await addOutcome(zip, outcome, failures);
  })
    .then(async () => {
      if (failures.length > 0) await zip.add('未生成的报告.txt', Buffer.from(`${failures.join('\n')}\n`, 'utf8'));
      await zip.finish();
    })
    .catch((error: unknown) => {
      ctx.log?.error({ reason: error instanceof Error ? error.message : String(error) }, 'published zip stopped');
      zip.stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return ok({ fileName: `${fiscalYear}-已公开自评报告.zip`, stream: zip.stream });
}
