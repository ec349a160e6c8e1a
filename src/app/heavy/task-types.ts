import type { Dataset } from '../../domain/dataset/schema.js';
import type { WorkbookFinding } from '../../ingest/excel/read-workbook.js';
import type { ReportFormat } from '../../report/render/index.js';
import type { AuditReport } from '../audit-report.js';
import type { AppResult } from '../context.js';
import type { RevisionOverview } from '../overview-evaluate.js';
import type { TextUpload } from '../read-upload-text.js';
import type { Analysis, DraftInput, PreparedDraft } from '../revision-evaluation.js';

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

/** The tasks that render or read documents: their libraries (Word, PDF, Excel, charts) load only when one runs. */
export type DocumentTask = Extract<
  HeavyTask,
  { kind: 'report' | 'report-set' | 'read-workbook' | 'audit-report' | 'write-workbook' }
>;
