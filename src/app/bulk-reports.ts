import type { ReportFormat } from '../report/render/index.js';
import { contentHash } from '../store/audit-hash.js';
import { listDatasets } from '../store/datasets-repo.js';
import { latestPublication } from '../store/publications-repo.js';
import type { AppContext } from './context.js';
import type { HeavyRunner } from './heavy/pool.js';
import { runHeavyTask, type HeavyResult } from './heavy/tasks.js';
import { loadRevision } from './revision-content.js';

/** Which reports of a year: every department's latest revision, or only the published ones (their latest publication). */
export type BulkSelection = { fiscalYear: number; publishedOnly: boolean };

/** One department's report to render: the dataset, the revision, and the file name it goes under (no extension). */
export type BulkItem = {
  datasetId: number;
  revisionNo: number;
  departmentCode: string;
  departmentName: string;
  fileStem: string;
};

export type BulkOutcome =
  | { ok: true; item: BulkItem; files: { format: ReportFormat; bytes: Buffer }[] }
  | { ok: false; item: BulkItem; message: string };

/** A file name from a department code or name: no path separators, control or reserved characters, no leading dot. */
export function safeFileStem(text: string): string {
  const cleaned = text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
  return cleaned === '' ? '_' : cleaned;
}

/** The reports of a year, one per department, in department-code order. */
export async function bulkReportItems(ctx: AppContext, selection: BulkSelection): Promise<BulkItem[]> {
  const { records } = await listDatasets(ctx.store.db, { fiscalYear: selection.fiscalYear });
  return records.flatMap((d) => {
    const revisionNo = selection.publishedOnly ? d.latestPublication?.revisionNo : d.latest.revisionNo;
    if (revisionNo === undefined) return [];
    const stem = `${safeFileStem(d.departmentCode === '' ? d.departmentName : d.departmentCode)}-${d.fiscalYear}`;
    return [
      {
        datasetId: d.id,
        revisionNo,
        departmentCode: d.departmentCode,
        departmentName: d.departmentName,
        fileStem: stem,
      },
    ];
  });
}

/** The stored document of an item; a published one must still match the hash recorded when it was published. */
async function documentOf(ctx: AppContext, item: BulkItem, published: boolean): Promise<string> {
  const revision = await loadRevision(ctx, item.datasetId, item.revisionNo);
  if (!revision.ok) throw new Error(revision.error.message);
  if (published) {
    const publication = await latestPublication(ctx.store.db, item.datasetId);
    if (publication?.contentHash != null && publication.contentHash !== contentHash(revision.value.document))
      throw new Error('已公开的内容与发布时的校验值不符，未生成');
  }
  return revision.value.document;
}

function outcomeOf(item: BulkItem, result: HeavyResult): BulkOutcome {
  if (result.kind === 'files')
    return { ok: true, item, files: result.files.map((f) => ({ format: f.format, bytes: Buffer.from(f.bytes) })) };
  if (result.kind === 'pack-unknown') return { ok: false, item, message: `规则包不存在：${result.rulePack}` };
  return { ok: false, item, message: result.kind === 'refused' ? result.message : '报告无法生成' };
}

async function renderOne(
  ctx: AppContext,
  item: BulkItem,
  formats: readonly ReportFormat[],
  options: { runner?: HeavyRunner | undefined; published: boolean },
): Promise<BulkOutcome> {
  try {
    const task = { kind: 'report-set', document: await documentOf(ctx, item, options.published), formats } as const;
    if (options.runner === undefined) return outcomeOf(item, await runHeavyTask(task));
    const done = await options.runner.run(task);
    return done.ok ? outcomeOf(item, done.result) : { ok: false, item, message: `报告生成失败（${done.message}）` };
  } catch (error) {
    return { ok: false, item, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * 批量生成报告: renders every item in every format through the worker pool (`runner`; inline without one), keeping
 * each worker busy — twice its size in flight, so a worker never waits for the next document to load — and hands
 * each department's outcome to `onOutcome` as it completes, one at a time (writes need no locking). One department
 * that fails is reported as such; the others are still rendered.
 */
export async function renderBulkReports(
  ctx: AppContext,
  items: readonly BulkItem[],
  formats: readonly ReportFormat[],
  options: { runner?: HeavyRunner | undefined; published: boolean },
  onOutcome: (outcome: BulkOutcome) => Promise<void>,
): Promise<void> {
  const inFlight = options.runner === undefined ? 1 : Math.max(1, options.runner.size * 2);
  let next = 0;
  let delivered = Promise.resolve();
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) return;
      const outcome = await renderOne(ctx, item, formats, options);
      delivered = delivered.then(() => onOutcome(outcome));
      await delivered;
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, lane));
}
