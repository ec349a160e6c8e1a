// The report formats as names only: what the API's contract and the CLI's options list, without loading a renderer.

/** Formats that print the whole report: text, tables and charts. */
export type DocumentFormat = 'docx' | 'pdf' | 'html' | 'md';

/** 报告格式: a document, or the report's printed tables (自评表) as a workbook (`xlsx`, one sheet per table). */
export type ReportFormat = DocumentFormat | 'xlsx';

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['docx', 'pdf', 'html', 'md'];

export const REPORT_FORMATS: readonly ReportFormat[] = [...DOCUMENT_FORMATS, 'xlsx'];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
