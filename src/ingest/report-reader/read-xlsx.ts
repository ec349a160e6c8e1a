import ExcelJS from 'exceljs';
import { DocumentBuilder, type ReportDocument } from '../../domain/extraction/document.js';
import { numberToDecimalText } from '../../domain/money/index.js';
import { plainCellValue } from '../excel/cells.js';

/**
 * XLSX: each worksheet is one table, its cells as shown (a number under a % format as "64.11%", a formula as its
 * result), merged cells resolved (exceljs gives every cell of a merge its master's value). The caller checks the zip
 * against the workbook limits first.
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
    builder.table(rows, { sheet: sheet.name });
  }
  return builder.build();
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
