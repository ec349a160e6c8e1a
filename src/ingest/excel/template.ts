import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { ECONOMIC_CLASSES, ECONOMIC_ITEMS } from '../../domain/reference/economic-classification.js';
import { BASIC, BASIC_FIELDS, POSTS_LABEL, UNITS_LABEL, type BasicField } from './basic-sheet.js';
import { NUMBER_FORMATS, writeCell } from './cells.js';
import { writeFormSheet } from './form-sheet.js';
import { SHEET, TABLES, THREE_PUBLIC, THREE_PUBLIC_ROWS, type Column, type TableSpec } from './layout.js';

/** Rows below the header that carry dropdowns in a blank template. */
export const TEMPLATE_ROWS = 200;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

/** 部门经济分类 codes with names, for the hidden code sheet behind the code dropdown. */
function economicCodes(): string[][] {
  return [...ECONOMIC_CLASSES.map((c) => [c.code, c.name]), ...ECONOMIC_ITEMS.map((i) => [i.code, i.name])].sort(
    (a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''),
  );
}

function addCodeSheet(book: ExcelJS.Workbook): string {
  const sheet = book.addWorksheet(SHEET.codes, { state: 'hidden' });
  sheet.addRow(['经济分类科目编码', '科目名称']);
  const codes = economicCodes();
  for (const [code, name] of codes) sheet.addRow([code, name]);
  return `${SHEET.codes}!$A$2:$A$${codes.length + 1}`;
}

function validationFor(column: Column, codesRange: string): DataValidation | null {
  if (column.list === undefined) return null;
  const formula = column.list === 'economicCodes' ? codesRange : `"${column.list.join(',')}"`;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: column.list !== 'economicCodes',
    errorTitle: '无效的值',
    error: '请从下拉列表中选择',
  };
}

function headerRow(sheet: Worksheet, spec: TableSpec): void {
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    if (c.note !== undefined) cell.note = c.note;
    const format = NUMBER_FORMATS[c.kind];
    if (format !== undefined) sheet.getColumn(i + 1).numFmt = format;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

function addValidations(sheet: Worksheet, spec: TableSpec, codesRange: string, rows: number): void {
  spec.columns.forEach((c, i) => {
    const validation = validationFor(c, codesRange);
    if (validation === null) return;
    for (let r = 2; r <= rows + 1; r += 1) sheet.getCell(r, i + 1).dataValidation = validation;
  });
}

/** Basic rows: each field once, then the repeatable 编制 and 内设机构 rows (`posts`, `units` of them). */
export function basicRows(
  posts: readonly (readonly [unknown, unknown])[],
  units: readonly (readonly [unknown, unknown])[],
) {
  const rows: BasicRow[] = [
    ...BASIC_FIELDS.map((f) => ({ label: f.label, field: f, value: undefined, extra: undefined })),
    ...posts.map(([count, kind]) => ({ label: POSTS_LABEL, field: undefined, value: count, extra: kind })),
    ...units.map(([name, kind]) => ({ label: UNITS_LABEL, field: undefined, value: name, extra: kind })),
  ];
  return rows;
}

/** A 自评表 sheet: its name and the table as a plain document (null: the blank template's). */
export type FormSheet = { name: string; form: Record<string, unknown> | null };

/** A row of 基本情况: a field (value in B) or a repeatable 编制 / 内设机构 row (B and C). */
export type BasicRow = { label: string; field: BasicField | undefined; value: unknown; extra: unknown };

function fillBasicSheet(sheet: Worksheet, rows: readonly BasicRow[]): void {
  headerRow(sheet, BASIC);
  rows.forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    r.getCell(1).value = row.label;
    r.getCell(1).font = { bold: true };
    if (row.field?.note !== undefined) r.getCell(1).note = row.field.note;
    const kind = row.field?.kind ?? (row.label === POSTS_LABEL ? 'int' : 'text');
    const choice = row.field?.choices?.find(([, stored]) => stored === row.value)?.[0];
    r.getCell(2).value = writeCell(choice ?? row.value, kind);
    r.getCell(2).numFmt = NUMBER_FORMATS[kind] ?? '@';
    r.getCell(3).value = writeCell(row.extra, 'text');
    if (row.field?.choices !== undefined) {
      const list = `"${row.field.choices.map(([label]) => label).join(',')}"`;
      r.getCell(2).dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true };
    }
  });
}

/**
 * The workbook layout, filled with `basic` rows and table rows (by sheet name). An empty fill is the blank
 * template; a dataset's fill is its export. Both have the same sheets, headers, dropdowns, formats and notes, and
 * a 自评表 sheet per form (the template one blank 项目自评表) after the table sheets.
 */
export function buildWorkbook(
  basic: readonly BasicRow[],
  tables: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  forms: readonly FormSheet[],
) {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  fillBasicSheet(book.addWorksheet(SHEET.basic), basic);
  const sheets = TABLES.map((spec) => [spec, book.addWorksheet(spec.name)] as const);
  for (const form of forms) writeFormSheet(book, form.name, form.form);
  const codesRange = addCodeSheet(book);
  for (const [spec, sheet] of sheets) {
    headerRow(sheet, spec);
    const rows = tables.get(spec.name) ?? [];
    rows.forEach((data, i) => {
      const row = sheet.getRow(i + 2);
      spec.columns.forEach((c, j) => {
        row.getCell(j + 1).value = writeCell(data[c.key], c.kind);
      });
    });
    addValidations(sheet, spec, codesRange, Math.max(TEMPLATE_ROWS, rows.length + 20));
  }
  return book;
}

/** 模板: the blank workbook a finance officer fills (三公经费 rows and 报告陈述数 labels are pre-filled). */
export function templateTables(
  declaredRows: readonly Record<string, unknown>[],
): Map<string, Record<string, unknown>[]> {
  return new Map([
    [THREE_PUBLIC.name, THREE_PUBLIC_ROWS.map(([, label]) => ({ item: label }))],
    [SHEET.declared, [...declaredRows]],
  ]);
}
