import { parseDataset } from '../../domain/dataset/parse.js';
import { packForDataset } from '../../domain/scoring/packs/builtin-packs.js';
import { readWorkbook } from '../../ingest/excel/read-workbook.js';
import { datasetToWorkbook } from '../../ingest/excel/write-workbook.js';
import { buildReportModel } from '../../report/model/build-report.js';
import { reportInputFor } from '../../report/model/report-input.js';
import { drawCharts } from '../../report/render/chart-images.js';
import { renderReport, type ReportFormat } from '../../report/render/index.js';
import { auditReport } from '../audit-report.js';
import type { DocumentTask, HeavyResult } from './task-types.js';

/** Rendering a report, reading or writing a workbook, reading an existing report (`runHeavyTask` loads this file). */
export async function runDocumentTask(task: DocumentTask): Promise<HeavyResult> {
  switch (task.kind) {
    case 'report': {
      const pack = packForDataset(task.dataset.rulePack);
      if (pack === null) return { kind: 'pack-unknown', rulePack: task.dataset.rulePack ?? '' };
      const model = buildReportModel(reportInputFor(task.dataset, pack));
      return { kind: 'bytes', bytes: await renderReport(model, task.format) };
    }
    case 'report-set':
      return reportSet(task.document, task.formats);
    case 'read-workbook':
      return { kind: 'workbook', read: await readWorkbook(Buffer.from(task.bytes)) };
    case 'audit-report':
      return { kind: 'audit', read: await auditReport(task.bytes, task.fileName) };
    case 'write-workbook':
      try {
        return { kind: 'bytes', bytes: await datasetToWorkbook(task.dataset) };
      } catch (error) {
        // A dataset the workbook layout cannot hold (deeper headings) is refused, not cut.
        if (error instanceof RangeError) return { kind: 'refused', message: error.message };
        throw error;
      }
  }
}

async function reportSet(document: string, formats: readonly ReportFormat[]): Promise<HeavyResult> {
  const parsed = parseDataset(JSON.parse(document));
  if (!parsed.ok) return { kind: 'refused', message: '数据无法解析' };
  const pack = packForDataset(parsed.dataset.rulePack);
  if (pack === null) return { kind: 'pack-unknown', rulePack: parsed.dataset.rulePack ?? '' };
  const model = buildReportModel(reportInputFor(parsed.dataset, pack));
  const charts = drawCharts(model);
  const files: { format: ReportFormat; bytes: Uint8Array }[] = [];
  for (const format of formats) files.push({ format, bytes: await renderReport(model, format, charts) });
  const { fiscalYear, department } = parsed.dataset;
  return { kind: 'files', files, fiscalYear, departmentName: department.shortName ?? department.name };
}
