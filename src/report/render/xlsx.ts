import ExcelJS from 'exceljs';
import { columnCount, tableGrid } from '../model/table-grid.js';
import type { ReportModel, ReportSection, ReportTable } from '../model/types.js';
import { sheetName, sheetValue, wrappedLines } from './xlsx-cells.js';

const SONG = '宋体';
const HEI = '黑体';
/** 五号 (10.5 pt) for the table, 三号 (16 pt) for its title. */
const BODY_SIZE = 10.5;
const LINE_POINTS = 14;
/** Total column width in character units: a wide table on A4 landscape, a narrow one on portrait. */
const WIDE_UNITS = 150;
const NARROW_UNITS = 90;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet to write: its name, the section it comes from, the title printed above the table, and the table. */
type SheetTable = { name: string; section: ReportSection; title: string | undefined; table: ReportTable };

/** "一、某项目" → "某项目"; "（2020年度）项目支出绩效自评表" → "项目支出绩效自评表"; "收入决算表（单位：万元）" → "收入决算表". */
const shortName = (text: string) =>
  text
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^（\d{4}年度）/, '')
    .replace(/（单位：[^）]*）$/, '');

function tablesOf(model: ReportModel, section: ReportSection, nameBy: 'heading' | 'caption'): SheetTable[] {
  return section.blocks.flatMap((block) => {
    if (block.kind !== 'table') return [];
    const { table } = block;
    const title = table.caption ?? (section.heading === '' ? model.title : undefined);
    const named = nameBy === 'caption' ? (table.caption ?? section.heading) : section.heading || (title ?? '');
    return [{ name: shortName(named || model.title), section, title, table }];
  });
}

/**
 * The tables the workbook holds, one sheet each: a form document's forms (its sections hold only tables) and every
 * annex table (a narrative report's 自评表 and project tables); a narrative section's tables (收入支出明细) are part
 * of its text and stay in the document formats. A document with no such table (决算说明) gives each of its tables.
 */
function sheetTables(model: ReportModel): SheetTable[] {
  const formSections = model.sections.filter((s) => s.blocks.every((b) => b.kind === 'table'));
  const printed = [...formSections, ...model.annexes].flatMap((s) => tablesOf(model, s, 'heading'));
  return printed.length > 0 ? printed : model.sections.flatMap((s) => tablesOf(model, s, 'caption'));
}

function columnWidths(table: ReportTable): number[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const units = columnCount(table) > 4 ? WIDE_UNITS : NARROW_UNITS;
  return table.widths.map((w) => Math.round(((units * w) / total) * 10) / 10);
}

/** A row of one text merged across the table's columns (heading, title, department line, note). */
function wideRow(sheet: ExcelJS.Worksheet, columns: number, text: string, font: Partial<ExcelJS.Font>, center = true) {
  const row = sheet.addRow([text]);
  if (columns > 1) sheet.mergeCells(row.number, 1, row.number, columns);
  const cell = row.getCell(1);
  cell.font = { name: SONG, size: BODY_SIZE, ...font };
  cell.alignment = { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: true };
  return row;
}

function headerRow(sheet: ExcelJS.Worksheet, table: ReportTable): void {
  const row = sheet.addRow([...table.header]);
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: SONG, size: BODY_SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });
}

/** The body: each cell's value (figures as numbers), its merge, borders on every cell so merged edges print. */
function bodyRows(sheet: ExcelJS.Worksheet, table: ReportTable, widths: readonly number[]): void {
  const first = sheet.rowCount + 1;
  const grid = tableGrid(table);
  const needed = grid.map(() => 1);
  grid.forEach((gridRow, r) => {
    const row = sheet.getRow(first + r);
    gridRow.cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.font = { name: SONG, size: BODY_SIZE, bold: gridRow.label || (gridRow.total && i === 0) };
      if (c.covered) return;
      const { value, numFmt } = sheetValue(c.text);
      if (c.text !== '') cell.value = value;
      if (numFmt !== undefined) cell.numFmt = numFmt;
      const numeric = numFmt !== undefined || table.numericColumns.includes(i);
      const horizontal = gridRow.label || (gridRow.total && i === 0) ? 'center' : numeric ? 'right' : 'left';
      cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
      if (c.rowSpan > 1 || c.colSpan > 1) sheet.mergeCells(first + r, i + 1, first + r + c.rowSpan - 1, i + c.colSpan);
      const width = widths.slice(i, i + c.colSpan).reduce((a, b) => a + b, 0);
      const lines = Math.ceil(wrappedLines(c.text, width) / c.rowSpan);
      for (let k = r; k < r + c.rowSpan; k += 1) needed[k] = Math.max(needed[k] ?? 1, lines);
    });
  });
  needed.forEach((lines, r) => {
    sheet.getRow(first + r).height = lines * LINE_POINTS + 6;
  });
}

/** 打印设置: A4, landscape for a wide table, fitted to one page wide, the rows above the body repeated. */
function printSetup(sheet: ExcelJS.Worksheet, wide: boolean, titleRows: number): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: wide ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (titleRows > 0) sheet.pageSetup.printTitlesRow = `1:${titleRows}`;
  sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
}

function tableSheet(book: ExcelJS.Workbook, model: ReportModel, entry: SheetTable, taken: Set<string>): void {
  const { section, table, title } = entry;
  const name = sheetName(entry.name, taken);
  taken.add(name);
  const sheet = book.addWorksheet(name, { views: [{ showGridLines: false }] });
  const widths = columnWidths(table);
  sheet.columns = widths.map((width) => ({ width }));
  const columns = widths.length;
  if (section.heading !== '') wideRow(sheet, columns, section.heading, { name: HEI, size: 12 }, false);
  if (title !== undefined) wideRow(sheet, columns, title, { name: HEI, size: 16 }).height = 30;
  if (section.heading === '') wideRow(sheet, columns, model.department, {});
  if (table.header.length > 0) headerRow(sheet, table);
  printSetup(sheet, columns > 4, sheet.rowCount);
  bodyRows(sheet, table, widths);
  if (table.note !== undefined) {
    const row = wideRow(sheet, columns, table.note, {}, false);
    row.height = wrappedLines(table.note, WIDE_UNITS) * LINE_POINTS + 6;
  }
}

/** An annex without a table (数据核对说明): its paragraphs, one a row. */
function textSheet(book: ExcelJS.Workbook, section: ReportSection, taken: Set<string>): void {
  const name = sheetName(shortName(section.heading), taken);
  taken.add(name);
  const sheet = book.addWorksheet(name, { views: [{ showGridLines: false }] });
  sheet.columns = [{ width: NARROW_UNITS }];
  wideRow(sheet, 1, section.heading, { name: HEI, size: 12 }, false);
  for (const block of section.blocks)
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      const row = wideRow(sheet, 1, block.text, { bold: block.kind === 'heading' }, false);
      row.height = wrappedLines(block.text, NARROW_UNITS) * LINE_POINTS + 6;
    }
  printSetup(sheet, false, 0);
}

/**
 * The report's printed tables as a workbook: one sheet per 自评表 laid out as the province prints it (title, merged
 * blocks, borders, figures as numbers in the format they are printed in, A4 print setup), in 宋体; then the
 * annexes that have no table. The cells hold exactly the text the DOCX and PDF show, from the same model.
 */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '绩效自评';
  book.title = model.title;
  const taken = new Set<string>();
  for (const entry of sheetTables(model)) tableSheet(book, model, entry, taken);
  for (const section of model.annexes)
    if (!section.blocks.some((b) => b.kind === 'table')) textSheet(book, section, taken);
  if (book.worksheets.length === 0) {
    const sheet = book.addWorksheet('说明');
    sheet.addRow(['本报告没有表格；请下载 Word 或 PDF 格式。']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
