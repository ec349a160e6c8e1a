import type { Dataset } from '../../domain/dataset/schema.js';
import { AMOUNT_FIGURES, PERCENT_FIGURES } from '../../domain/figures/catalog.js';
import { datasetToDocument } from '../dataset-json.js';
import { BASIC_FIELDS } from './basic-sheet.js';
import {
  BASIC_LINES,
  INCOME,
  INCOME_ADJUSTMENT,
  INCOME_SOURCE,
  INDICATORS,
  NARRATIVE,
  PAYMENT,
  PROJECT_LINES,
  PROJECTS,
  SHEET,
  THREE_PUBLIC,
  THREE_PUBLIC_ROWS,
} from './layout.js';
import { narrativeRows } from './narrative-sheet.js';
import { FORM_TEMPLATE_SHEET, formSheetName } from './form-sheet-layout.js';
import { basicRows, buildWorkbook, templateTables, type BasicRow, type FormSheet } from './template.js';

type Doc = Record<string, unknown>;
type Rows = Record<string, unknown>[];

const at = (doc: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], doc);
const list = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : []);

/** 报告陈述数 rows: every figure a report may state, in catalog order, with the document's value if stated. */
function declaredRows(doc: Doc | null): Rows {
  return Object.entries({ ...AMOUNT_FIGURES, ...PERCENT_FIGURES }).map(([key, label]) => ({
    label,
    key,
    value: doc === null ? undefined : at(doc, 'declared', key),
  }));
}

function incomeRows(doc: Doc): Rows {
  const sources = list(at(doc, 'income', 'sources')).map((s) => ({
    type: INCOME_SOURCE,
    name: s['source'],
    basic: s['basic'],
    project: s['project'],
  }));
  const adjustments = list(at(doc, 'income', 'adjustments')).map((a) => ({
    type: INCOME_ADJUSTMENT,
    name: a['note'],
    [a['part'] === 'project' ? 'project' : 'basic']: a['amount'],
    date: a['date'],
  }));
  return [...sources, ...adjustments];
}

function projectRows(doc: Doc): Rows {
  return list(at(doc, 'projects')).flatMap((p) => {
    const supplements = list(p['supplementaryAppropriations']).map((s) => ({
      supplementAmount: s['amount'],
      supplementDate: s['date'],
      supplementNote: s['note'],
    }));
    const first = { ...p, declaredRate: at(p, 'declared', 'executionRate'), ...supplements[0] };
    return [first, ...supplements.slice(1)];
  });
}

function tableRows(doc: Doc): Map<string, Rows> {
  const threePublic = THREE_PUBLIC_ROWS.map(([key, label]) => ({
    item: label,
    ...(at(doc, 'basicExpenditure', 'threePublic', key) as Doc | undefined),
  }));
  const payment = list(at(doc, 'paymentProgress', 'points')).map((p) => ({
    month: p['month'],
    paid: p['cumulativePaid'],
    percent: p['cumulativePercent'],
  }));
  return new Map<string, Rows>([
    [INCOME.name, incomeRows(doc)],
    [BASIC_LINES.name, list(at(doc, 'basicExpenditure', 'lines'))],
    [THREE_PUBLIC.name, threePublic],
    [PROJECTS.name, projectRows(doc)],
    [PROJECT_LINES.name, list(at(doc, 'projectExpenditure', 'lines'))],
    [PAYMENT.name, payment],
    [INDICATORS.name, list(at(doc, 'indicators'))],
    [NARRATIVE.name, narrativeRows(doc)],
    [SHEET.declared, declaredRows(doc)],
  ]);
}

function basicRowsOf(doc: Doc): BasicRow[] {
  const posts = list(at(doc, 'department', 'staffing', 'authorizedPosts')).map((p) => [p['count'], p['kind']] as const);
  const units = list(at(doc, 'department', 'internalUnits')).map((u) => [u['name'], u['kind']] as const);
  const paymentSet = at(doc, 'paymentProgress') !== undefined;
  return basicRows(posts, units).map((row) => {
    if (row.field === undefined) return row;
    const value = at(doc, ...row.field.path);
    // Scope and base mean nothing without payment points; leave them blank rather than invent them.
    return { ...row, value: row.field.path[0] === 'paymentProgress' && !paymentSet ? undefined : value };
  });
}

/** One sheet per 自评表, named after its table (unique, within Excel's 31 characters). */
function formSheets(doc: Doc): FormSheet[] {
  const used = new Set([...Object.values(SHEET)].map((name) => name.toLowerCase()));
  return list(at(doc, 'forms')).map((form, i) => ({
    name: formSheetName(typeof form['name'] === 'string' ? form['name'] : '', String(form['scope']), i, used),
    form,
  }));
}

/** 导出: a dataset in the template's layout; reading it back gives the same dataset. */
export async function datasetToWorkbook(dataset: Dataset): Promise<Buffer> {
  const doc = datasetToDocument(dataset);
  const book = buildWorkbook(basicRowsOf(doc), tableRows(doc), formSheets(doc));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 模板: the blank workbook (with three 三公 rows, the 报告陈述数 labels and an empty 项目自评表 filled in). */
export async function templateWorkbook(): Promise<Buffer> {
  const blank = basicRows(
    [
      [undefined, '行政编制'],
      [undefined, '事业编制'],
      [undefined, '工勤编制'],
    ],
    [[undefined, '职能科室']],
  );
  const withUnit = blank.map((row) => (row.field === BASIC_FIELDS[1] ? { ...row, value: '万元' } : row));
  const book = buildWorkbook(withUnit, templateTables(declaredRows(null)), [{ name: FORM_TEMPLATE_SHEET, form: null }]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
