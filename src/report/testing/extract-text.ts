import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ReportFormat } from '../render/index.js';
import { printedText } from '../render/xlsx-cells.js';

const run = promisify(execFile);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_w, e: string) => ENTITIES[e] ?? '');

/** HTML → text: styles and SVG charts dropped, block ends become line breaks, tags stripped. */
export function htmlText(html: string): string {
  const stripped = html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<\/(p|h\d|tr|td|th|caption)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decode(stripped);
}

/** DOCX → text: word/document.xml, one line per paragraph, runs joined. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const paragraphs = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return decode(paragraphs.join('\n'));
}

/** PDF → text with poppler's pdftotext (-layout keeps table rows on one line); page-number footers dropped. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout
      .split(/\n|\f/)
      .filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line))
      .join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** XLSX → text: each sheet's rows, cells as they are displayed (numbers in their number format), tab-separated. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        // A merged cell reads as its master's value in every cell it covers: shown once.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells.push(typeof cell.value === 'number' ? printedText(cell.value, cell.numFmt) : cell.text);
      });
      lines.push(cells.join('\t'));
    });
  return lines.join('\n');
}

/** The text a reader sees in one rendered format. */
export async function extractText(format: ReportFormat, bytes: Buffer): Promise<string> {
  switch (format) {
    case 'html':
      return htmlText(bytes.toString('utf8'));
    case 'md':
      return bytes.toString('utf8');
    case 'docx':
      return docxText(bytes);
    case 'pdf':
      return pdfText(bytes);
    case 'xlsx':
      return xlsxText(bytes);
  }
}

/** Whitespace removed (Chinese text has none, and every format wraps lines differently). */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
