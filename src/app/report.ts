import type { ReportFormat } from '../report/render/index.js';
import { runHeavy } from './heavy/run-heavy.js';
import { conflict, ok, type AppContext, type AppResult } from './context.js';
import type { RevisionRef } from './analysis.js';
import { loadDataset } from './revision-content.js';

export type RenderedFile = { fileName: string; contentType: string; body: Buffer };

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** 自评报告 of a revision (the latest unless given), the same pipeline as `jixiao report`. */
export async function datasetReport(
  ctx: AppContext,
  ref: RevisionRef,
  format: ReportFormat,
): Promise<AppResult<RenderedFile>> {
  const loaded = await loadDataset(ctx, ref.datasetId, ref.revisionNo);
  if (!loaded.ok) return loaded;
  const dataset = loaded.value;
  const rendered = await runHeavy(ctx, { kind: 'report', dataset, format }, '报告生成');
  if (!rendered.ok) return rendered;
  const { result } = rendered;
  if (result.kind === 'pack-unknown') return conflict(`规则包不存在：${result.rulePack}`);
  if (result.kind !== 'bytes') return conflict('报告无法生成');
  const name = `${dataset.fiscalYear}-${dataset.department.shortName ?? dataset.department.name}-自评报告.${format}`;
  return ok({ fileName: name, contentType: REPORT_CONTENT_TYPES[format], body: Buffer.from(result.bytes) });
}
