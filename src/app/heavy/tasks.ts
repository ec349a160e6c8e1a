import { parseDataset } from '../../domain/dataset/parse.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import { packForDataset } from '../../domain/scoring/packs/builtin-packs.js';
import { readWorkbook, type WorkbookFinding } from '../../ingest/excel/read-workbook.js';
import { datasetToWorkbook } from '../../ingest/excel/write-workbook.js';
import { buildReportModel } from '../../report/model/build-report.js';
import { reportInputFor } from '../../report/model/report-input.js';
import { drawCharts } from '../../report/render/chart-images.js';
import { renderReport, type ReportFormat } from '../../report/render/index.js';
import { auditReport, type AuditReport } from '../audit-report.js';
import type { AppResult } from '../context.js';
import { evaluateRevisionDocument, type RevisionOverview } from '../overview-evaluate.js';
import { readTextUpload, type TextUpload } from '../read-upload-text.js';
import {
  analyseDocument,
  prepareDraft,
  type Analysis,
  type DraftInput,
  type PreparedDraft,
} from '../revision-evaluation.js';

/**
 * 重任务: the work that can take seconds and hundreds of megabytes — rendering a report, reading or writing a
 * workbook. Inputs and results are plain data (structured-cloneable: bigint amounts included), so the same task
 * runs in a worker thread under the server's budget, or inline for the CLI.
 */
export type HeavyTask =
  | { kind: 'report'; dataset: Dataset; format: ReportFormat }
  /** One report in several formats from a stored document (JSON text, parsed in the worker), its charts drawn once. */
  | { kind: 'report-set'; document: string; formats: readonly ReportFormat[] }
  | { kind: 'read-workbook'; bytes: Uint8Array }
  /** An existing report (Word, PDF, Excel, HTML, text) read, its figures extracted and checked. */
  | { kind: 'audit-report'; bytes: Uint8Array; fileName: string }
  | { kind: 'write-workbook'; dataset: Dataset }
  /** A stored revision's answers (figures, findings, score, problems) and its overview row. */
  | { kind: 'analyse'; document: string; revisionNo: number }
  /** A save's validation and revision row, against the latest revision's document text. */
  | { kind: 'draft'; input: DraftInput; previous: string | null }
  /** A YAML/JSON upload read and validated. */
  | { kind: 'read-upload'; upload: TextUpload }
  /** The overview rows of stored revisions (the overview's warm-up and cold rows). */
  | { kind: 'overviews'; documents: { text: string; revisionNo: number }[] };

export type HeavyResult =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'files'; files: { format: ReportFormat; bytes: Uint8Array }[]; fiscalYear: number; departmentName: string }
  | { kind: 'pack-unknown'; rulePack: string }
  | { kind: 'workbook'; read: { ok: true; dataset: Dataset } | { ok: false; errors: WorkbookFinding[] } }
  | { kind: 'refused'; message: string }
  | { kind: 'analysis'; analysis: Analysis; overview: RevisionOverview }
  | { kind: 'draft'; draft: AppResult<PreparedDraft> }
  | { kind: 'upload'; read: AppResult<Dataset> }
  | { kind: 'overviews'; overviews: RevisionOverview[] }
  | { kind: 'audit'; read: AppResult<AuditReport> };

export async function runHeavyTask(task: HeavyTask): Promise<HeavyResult> {
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
    case 'analyse':
    case 'draft':
    case 'read-upload':
    case 'overviews':
      return runEvaluationTask(task);
  }
}

/** The parse-and-evaluate tasks behind reads, saves, uploads and the overview. */
function runEvaluationTask(task: Extract<HeavyTask, { kind: 'analyse' | 'draft' | 'read-upload' | 'overviews' }>) {
  switch (task.kind) {
    case 'analyse': {
      const analysed = analyseDocument(task.document, task.revisionNo);
      if (analysed === null) return { kind: 'refused', message: `修订版本 ${task.revisionNo} 的数据无法解析` } as const;
      return { kind: 'analysis', ...analysed } as const;
    }
    case 'draft':
      return { kind: 'draft', draft: prepareDraft(task.input, task.previous) } as const;
    case 'read-upload':
      return { kind: 'upload', read: readTextUpload(task.upload) } as const;
    case 'overviews':
      return {
        kind: 'overviews',
        overviews: task.documents.map((d) => evaluateRevisionDocument(d.text, d.revisionNo)),
      } as const;
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
