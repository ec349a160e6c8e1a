import type { ReportModel } from '../model/types.js';
import { drawCharts, type ChartImages } from './chart-images.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';
import type { ReportFormat } from './formats.js';
import { renderXlsx } from './xlsx.js';

export { DOCUMENT_FORMATS, REPORT_FORMATS, isReportFormat, type DocumentFormat, type ReportFormat } from './formats.js';

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
