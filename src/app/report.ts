import type { ReportFormat } from '../report/render/index.js';
import { runHeavy } from './heavy/run-heavy.js';
import { conflict, ok, type AppContext, type AppResult } from './context.js';
import type { RevisionRef } from './analysis.js';
import { loadRevision } from './revision-content.js';

export type RenderedFile = { fileName: string; contentType: string; body: Buffer };

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * 自评报告 of a revision (the latest unless given), the same pipeline as `jixiao report`. The stored document is
 * parsed in the worker that renders it, so nothing of a report's work runs on the HTTP loop.
 */
export async function datasetReport(
  ctx: AppContext,
  ref: RevisionRef,
  format: ReportFormat,
): Promise<AppResult<RenderedFile>> {
  const revision = await loadRevision(ctx, ref.datasetId, ref.revisionNo);
  if (!revision.ok) return revision;
  const task = { kind: 'report-set', document: revision.value.document, formats: [format] } as const;
  const rendered = await runHeavy(ctx, task, '报告生成');
  if (!rendered.ok) return rendered;
  const { result } = rendered;
  if (result.kind === 'pack-unknown') return conflict(`规则包不存在：${result.rulePack}`);
  // Stored documents were validated on the way in: one that does not parse is a bug (500), as before.
  if (result.kind === 'refused') throw new Error(`修订版本 ${revision.value.revisionNo} 的数据无法解析`);
  const file = result.kind === 'files' ? result.files[0] : undefined;
  if (result.kind !== 'files' || file === undefined) return conflict('报告无法生成');
  const what = format === 'xlsx' ? '自评表' : '自评报告';
  const name = `${result.fiscalYear}-${result.departmentName}-${what}.${format}`;
  return ok({ fileName: name, contentType: REPORT_CONTENT_TYPES[format], body: Buffer.from(file.bytes) });
}
