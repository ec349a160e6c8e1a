import type { Row, Workbook, Worksheet } from 'exceljs';
import type { FieldPath } from '../../domain/findings/finding.js';
import { NUMBER_FORMATS, readCell, shown, writeCell } from './cells.js';
import {
  FORM_BLOCKS,
  FORM_FIELDS,
  FORM_MARK,
  FUNDS_BLOCK,
  FUNDS_TOTAL_LABEL,
  INDICATORS_BLOCK,
  TARGETS_BLOCK,
  FORM_LINKS,
  type FormBlock,
  type FormField,
} from './form-sheet-layout.js';
import { columnLetter, remember, setPath, type ReadContext } from './read-table.js';

type Doc = Record<string, unknown>;
const HEADING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

const list = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : []);
const choiceLabel = (field: FormField, value: unknown) =>
  field.choices?.find(([, stored]) => stored === value)?.[0] ?? value;

function fieldValue(form: Doc, key: string): unknown {
  return key === 'adjustmentReason' ? (form['funds'] as Doc | undefined)?.['adjustmentReason'] : form[key];
}

function headingRow(sheet: Worksheet, block: FormBlock): void {
  const row = sheet.addRow(block.columns.map((c) => c.header));
  row.font = { bold: true };
  block.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.fill = HEADING_FILL;
    if (c.note !== undefined) cell.note = c.note;
  });
}

function dataRow(sheet: Worksheet, block: FormBlock, data: Doc): void {
  const row = sheet.addRow([]);
  block.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const value =
      c.key === 'linksTo' ? (FORM_LINKS.find(([, k]) => k === data[c.key])?.[0] ?? data[c.key]) : data[c.key];
    cell.value = writeCell(value, c.kind);
    cell.numFmt = NUMBER_FORMATS[c.kind] ?? '@';
  });
}

/** Writes one 自评表 sheet; `form` is the table as a plain document (amounts as exact decimal text), or null. */
export function writeFormSheet(book: Workbook, name: string, form: Doc | null): void {
  const sheet = book.addWorksheet(name);
  sheet.columns = INDICATORS_BLOCK.columns.map((c, i) => ({
    width: Math.max(c.width, FUNDS_BLOCK.columns[i]?.width ?? 0),
  }));
  for (const field of FORM_FIELDS) {
    const row = sheet.addRow([field.label]);
    row.getCell(2).value = writeCell(
      choiceLabel(field, form === null ? undefined : fieldValue(form, field.key)),
      'text',
    );
    row.getCell(1).font = { bold: true };
    row.getCell(2).numFmt = '@';
    if (field.note !== undefined) row.getCell(1).note = field.note;
    if (field.choices !== undefined) {
      const formula = `"${field.choices.map(([label]) => label).join(',')}"`;
      row.getCell(2).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true };
    }
  }
  const funds = form?.['funds'] as Doc | undefined;
  sheet.addRow([]);
  headingRow(sheet, FUNDS_BLOCK);
  dataRow(sheet, FUNDS_BLOCK, { source: FUNDS_TOTAL_LABEL, ...(funds?.['declaredTotal'] as Doc | undefined) });
  for (const r of list(funds?.['rows']))
    dataRow(sheet, FUNDS_BLOCK, {
      ...r,
      rate: r['declaredRate'],
      score: r['declaredScore'],
      share: r['declaredShare'],
    });
  sheet.addRow([]);
  headingRow(sheet, TARGETS_BLOCK);
  for (const t of list(form?.['annualTargets'])) dataRow(sheet, TARGETS_BLOCK, t);
  sheet.addRow([]);
  headingRow(sheet, INDICATORS_BLOCK);
  for (const ind of list(form?.['indicators'])) dataRow(sheet, INDICATORS_BLOCK, ind);
}

/** The cells of one row under a block's heading, read by kind; problems go to `ctx` with their cell. */
function readBlockRow(
  sheet: Worksheet,
  row: Row,
  columns: Map<string, number>,
  block: FormBlock,
  ctx: ReadContext,
  base: FieldPath,
) {
  const values = new Map<string, unknown>();
  const cellOf = (key: string) => `${sheet.name}!${columnLetter(columns.get(key) ?? 1)}${row.number}`;
  for (const c of block.columns) {
    const col = columns.get(c.key);
    if (col === undefined) continue;
    const read = readCell(row.getCell(col).value, c.kind);
    if (read.ok) values.set(c.key, read.value);
    else ctx.problems.push({ cell: cellOf(c.key), code: 'CELL_INVALID', message: read.message });
  }
  /** `path` within the form; remembered within the dataset. */
  const put = (form: Doc, path: FieldPath, docKey: string, key: string) => {
    const header = block.columns.find((c) => c.key === key)?.header ?? key;
    remember(ctx, [...base, ...path, docKey], { cell: cellOf(key), label: header });
    setPath(form, [...path, docKey], values.get(key));
  };
  return { values, put, cellOf, empty: [...values.values()].every((v) => v === undefined) };
}

type FormRead = { form: Doc; base: FieldPath; counts: { funds: number; targets: number; indicators: number } };

function readField(sheet: Worksheet, row: Row, field: FormField, read: FormRead, ctx: ReadContext): void {
  const cell = `${sheet.name}!B${row.number}`;
  const path: FieldPath =
    field.key === 'adjustmentReason' ? [...read.base, 'funds', 'adjustmentReason'] : [...read.base, field.key];
  remember(ctx, path, { cell, label: field.label });
  const value = readCell(row.getCell(2).value, 'text');
  if (!value.ok) return void ctx.problems.push({ cell, code: 'CELL_INVALID', message: value.message });
  if (value.value === undefined) return;
  const choice = field.choices?.find(([label, stored]) => value.value === label || value.value === stored);
  if (field.choices !== undefined && choice === undefined) {
    const message = `应为 ${field.choices.map(([l]) => l).join('、')} 之一：${shown(value.value)}`;
    return void ctx.problems.push({ cell, code: 'CELL_INVALID', message });
  }
  setPath(read.form, path.slice(read.base.length), choice?.[1] ?? value.value);
}

function readDataRow(
  sheet: Worksheet,
  row: Row,
  block: FormBlock,
  columns: Map<string, number>,
  read: FormRead,
  ctx: ReadContext,
) {
  const { form, base, counts } = read;
  const cells = readBlockRow(sheet, row, columns, block, ctx, base);
  if (cells.empty) return;
  if (block.key === 'funds' && cells.values.get('source') === FUNDS_TOTAL_LABEL) {
    for (const key of ['yearStartBudget', 'fullYearBudget', 'actual', 'weight', 'rate', 'score'])
      cells.put(form, ['funds', 'declaredTotal'], key, key);
    return;
  }
  const at = (path: FieldPath) => {
    remember(ctx, [...base, ...path], {
      cell: cells.cellOf(block.columns[0]?.key ?? ''),
      label: block.columns[0]?.header ?? '',
    });
    return path;
  };
  if (block.key === 'funds') {
    const path = at(['funds', 'rows', counts.funds++]);
    for (const key of ['source', 'yearStartBudget', 'fullYearBudget', 'actual', 'weight'])
      cells.put(form, path, key, key);
    cells.put(form, path, 'declaredRate', 'rate');
    cells.put(form, path, 'declaredScore', 'score');
    cells.put(form, path, 'declaredShare', 'share');
  } else {
    const path = at(
      block.key === 'targets' ? ['annualTargets', counts.targets++] : ['indicators', counts.indicators++],
    );
    for (const c of block.columns) cells.put(form, path, c.key, c.key);
    const link = FORM_LINKS.find(([label]) => label === cells.values.get('linksTo'));
    if (link !== undefined) setPath(form, [...path, 'linksTo'], link[1]);
  }
}

/** One 自评表 sheet as a form document, or null when nothing in it is filled. */
function readFormSheet(sheet: Worksheet, index: number, ctx: ReadContext): Doc | null {
  const read: FormRead = { form: {}, base: ['forms', index], counts: { funds: 0, targets: 0, indicators: 0 } };
  remember(ctx, read.base, { cell: `${sheet.name}!A1`, label: FORM_MARK });
  let block: FormBlock | null = null;
  let columns = new Map<string, number>();
  sheet.eachRow((row) => {
    const first = String(row.getCell(1).text).trim();
    const heading = FORM_BLOCKS.find((b) => b.columns[0]?.header === first);
    if (heading !== undefined) {
      block = heading;
      columns = new Map();
      row.eachCell((cell, col) => {
        const column = heading.columns.find((c) => c.header === String(cell.text).trim());
        if (column !== undefined) columns.set(column.key, col);
      });
      return;
    }
    const field = block === null ? FORM_FIELDS.find((f) => f.label === first) : undefined;
    if (field !== undefined) return readField(sheet, row, field, read, ctx);
    if (block !== null) readDataRow(sheet, row, block, columns, read, ctx);
  });
  return Object.keys(read.form).length === 0 ? null : read.form;
}

/** Every 自评表 sheet of the workbook (A1 = 表式), in sheet order; a sheet left blank is no table. */
export function readFormSheets(book: Workbook, ctx: ReadContext, doc: Doc, defaultScope: 'project' | 'department') {
  const forms: Doc[] = [];
  for (const sheet of book.worksheets) {
    if (String(sheet.getCell('A1').text).trim() !== FORM_MARK) continue;
    const form = readFormSheet(sheet, forms.length, ctx);
    if (form === null) continue;
    form['scope'] ??= defaultScope;
    forms.push(form);
  }
  if (forms.length > 0) setPath(doc, ['forms'], forms);
}
