import type { ReportDocument } from '../../domain/extraction/document.js';
import { decodeText } from '../decode-text.js';
import { checkWorkbookZip } from '../excel/zip-guard.js';
import { readDocxDocument } from './read-docx.js';
import { readHtmlDocument } from './read-html.js';
import { readPdfDocument } from './read-pdf.js';
import { readTextDocument } from './read-text.js';
import { readXlsxDocument } from './read-xlsx.js';

export type ReadReportError = { code: string; message: string };
export type ReadReportResult = { ok: true; document: ReportDocument } | ({ ok: false } & ReadReportError);

const startsWith = (bytes: Uint8Array, text: string) => [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * Reads a report file into the document model, by its content (a PDF, a zip holding word/document.xml or
 * xl/workbook.xml) and otherwise as text: HTML when it looks like markup, else plain text (UTF-8, UTF-16 with a
 * BOM, or GBK/GB18030). `name` only helps: `.html` forces HTML. A legacy .doc is refused with a Chinese message.
 */
export async function readReport(bytes: Uint8Array, name = ''): Promise<ReadReportResult> {
  if (startsWith(bytes, '%PDF')) {
    const read = await readPdfDocument(bytes);
    return read.ok ? read : { ok: false, code: read.code, message: read.message };
  }
  if (startsWith(bytes, 'PK')) return readZip(bytes);
  if (startsWith(bytes, '\xd0\xcf\x11\xe0'))
    return {
      ok: false,
      code: 'REPORT_FORMAT',
      message: '旧版 Word/Excel 文件（.doc/.xls）无法读取，请另存为 .docx 或 .xlsx 后重试',
    };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: 'FILE_ENCODING', message: decoded.detail };
  const html = /\.x?html?$/iu.test(name) || /^\s*(<!doctype html|<html|<body|<table|<p[\s>]|<div)/iu.test(decoded.text);
  return { ok: true, document: html ? readHtmlDocument(decoded.text) : readTextDocument(decoded.text) };
}

async function readZip(bytes: Uint8Array): Promise<ReadReportResult> {
  const guard = await checkWorkbookZip(bytes);
  if (!guard.ok)
    return {
      ok: false,
      code: 'REPORT_UNREADABLE',
      message: guard.message.replace(/Excel 工作簿（\.xlsx）|工作簿/gu, '文件'),
    };
  try {
    const docx = await readDocxDocument(bytes);
    if (docx !== null) return { ok: true, document: docx };
    return { ok: true, document: await readXlsxDocument(bytes) };
  } catch {
    return {
      ok: false,
      code: 'REPORT_UNREADABLE',
      message: '文件已损坏或不是 Word（.docx）/ Excel（.xlsx）文件，无法读取',
    };
  }
}
