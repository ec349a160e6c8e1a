import type { ReportModel } from '../model/types.js';
import { drawCharts, type ChartImages } from './chart-images.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

/** Formats that print the whole report: text, tables and charts. */
export type DocumentFormat = 'docx' | 'pdf' | 'html' | 'md';

/** 报告格式: a document, or the report's printed tables (自评表) as a workbook (`xlsx`, one sheet per table). */
export type ReportFormat = DocumentFormat | 'xlsx';

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['docx', 'pdf', 'html', 'md'];

export const REPORT_FORMATS: readonly ReportFormat[] = [...DOCUMENT_FORMATS, 'xlsx'];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders one format to bytes (text formats as UTF-8). */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  charts: ChartImages = drawCharts(model),
): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(model, charts);
    case 'pdf':
      return renderPdf(model, charts);
    case 'html':
      return Buffer.from(renderHtml(model, charts), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(model, charts), 'utf8');
    case 'xlsx':
      return renderXlsx(model);
  }
}
