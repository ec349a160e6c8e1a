import ExcelJS from 'exceljs';
import { DocumentBuilder, type ReportDocument } from '../../domain/extraction/document.js';
import { numberToDecimalText } from '../../domain/money/index.js';
import { plainCellValue } from '../excel/cells.js';

/**
 * XLSX: each worksheet is one table, its cells as shown (a number under a % format as "64.11%", a formula as its
 * result), merged cells resolved (exceljs gives every cell of a merge its master's value). The sheet's title rows
 * above the table — "（2020年度）项目支出绩效自评表" merged across the sheet — are read as paragraphs, as a Word
 * document's title is, so the year and the department are found in them. The caller checks the zip against the
 * workbook limits first.
 */
export async function readXlsxDocument(bytes: Uint8Array): Promise<ReportDocument> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const builder = new DocumentBuilder('xlsx');
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push(cells);
    }
    const titles = titleRowCount(rows);
    rows.slice(0, titles).forEach((row, i) => builder.paragraph(row[0] ?? '', { heading: i === 0 }));
    builder.table(rows.slice(titles), { sheet: sheet.name });
  }
  return builder.build();
}

/** At most this many title rows are taken from the top of a sheet. */
const MAX_TITLE_ROWS = 3;

/**
 * The leading rows that are titles, not table rows: one text merged across every column of a sheet of two or more
 * columns, or a lone first cell naming a year ("2020年度…"). Blank rows between them are skipped; the table keeps
 * at least one row.
 */
export function titleRowCount(rows: readonly (readonly string[])[]): number {
  let count = 0;
  let titles = 0;
  for (const row of rows) {
    const filled = row.filter((cell) => cell.trim() !== '');
    if (filled.length === 0) {
      count += 1;
      continue;
    }
    const first = row[0]?.trim() ?? '';
    const across = row.length >= 2 && filled.length === row.length && row.every((cell) => cell === row[0]);
    const lone = filled.length === 1 && first !== '' && /20\d{2}\s*年/u.test(first);
    if (!(across || lone) || titles === MAX_TITLE_ROWS || count + 1 >= rows.length) break;
    count += 1;
    titles += 1;
  }
  return titles === 0 ? 0 : count;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = plainCellValue(cell.value);
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'number') return String(value);
  const text = numberToDecimalText(value) ?? String(value);
  return (cell.numFmt ?? '').includes('%') ? `${timesHundred(text)}%` : text;
}

/** "0.6411" → "64.11" on the decimal text, never through a float. */
export function timesHundred(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/u, '');
  const rest = padded.slice(2);
  return `${negative ? '-' : ''}${integer}${rest === '' ? '' : `.${rest}`}`;
}
