import { shown } from './cells.js';
import type { Workbook } from 'exceljs';
import type { FieldPath } from '../../domain/findings/finding.js';
import {
  BASIC_LINES,
  DECLARED,
  INCOME,
  INCOME_ADJUSTMENT,
  INCOME_SOURCE,
  INDICATORS,
  PAYMENT,
  PROJECT_LINES,
  PROJECTS,
  THREE_PUBLIC,
  THREE_PUBLIC_ROWS,
  type TableSpec,
} from './layout.js';
import { put, readTable, remember, setPath, type ReadContext, type TableRow } from './read-table.js';

type Doc = Record<string, unknown>;
const rowsOf = (book: Workbook, spec: TableSpec, ctx: ReadContext) =>
  readTable(book.getWorksheet(spec.name), spec, ctx);

function readIncome(book: Workbook, ctx: ReadContext, doc: Doc): void {
  let sources = 0;
  let adjustments = 0;
  setPath(doc, ['income', 'adjustments'], []);
  for (const row of rowsOf(book, INCOME, ctx)) {
    const type = row.get('type') ?? INCOME_SOURCE;
    if (type === INCOME_SOURCE) {
      const base: FieldPath = ['income', 'sources', sources++];
      remember(ctx, base, row.where('type'));
      put(ctx, doc, [...base, 'source'], row, 'name');
      put(ctx, doc, [...base, 'basic'], row, 'basic');
      put(ctx, doc, [...base, 'project'], row, 'project');
    } else if (type === INCOME_ADJUSTMENT) {
      const part = row.get('project') !== undefined && row.get('basic') === undefined ? 'project' : 'basic';
      if (row.get('project') !== undefined && row.get('basic') !== undefined) {
        ctx.problems.push({
          cell: row.where('project').cell,
          code: 'ADJUSTMENT_TWO_PARTS',
          message: '预算调整只能填基本支出或项目支出其中一栏',
        });
      }
      const base: FieldPath = ['income', 'adjustments', adjustments++];
      remember(ctx, base, row.where('type'));
      setPath(doc, [...base, 'part'], part);
      put(ctx, doc, [...base, 'amount'], row, part);
      put(ctx, doc, [...base, 'date'], row, 'date');
      put(ctx, doc, [...base, 'note'], row, 'name');
    } else {
      ctx.problems.push({
        cell: row.where('type').cell,
        code: 'CELL_INVALID',
        message: `类别应为“${INCOME_SOURCE}”或“${INCOME_ADJUSTMENT}”：${shown(type)}`,
      });
    }
  }
}

function readLines(rows: readonly TableRow[], ctx: ReadContext, doc: Doc, base: FieldPath): void {
  setPath(doc, base, []);
  rows.forEach((row, i) => {
    remember(ctx, [...base, i], row.where('code'));
    for (const key of ['code', 'label', 'amount']) put(ctx, doc, [...base, i, key], row, key);
  });
}

function readThreePublic(book: Workbook, ctx: ReadContext, doc: Doc): void {
  for (const row of rowsOf(book, THREE_PUBLIC, ctx)) {
    const item = THREE_PUBLIC_ROWS.find(([, label]) => label === row.get('item'));
    if (item === undefined) {
      ctx.problems.push({
        cell: row.where('item').cell,
        code: 'UNKNOWN_FIELD',
        message: `未知项目“${shown(row.get('item'))}”`,
      });
      continue;
    }
    const base: FieldPath = ['basicExpenditure', 'threePublic', item[0]];
    remember(ctx, base, row.where('item'));
    if (row.get('budget') === undefined && row.get('actual') === undefined && item[0] === 'vehiclePurchase') continue;
    setPath(doc, base, {});
    put(ctx, doc, [...base, 'budget'], row, 'budget');
    put(ctx, doc, [...base, 'actual'], row, 'actual');
  }
}

const PROJECT_FIELDS = ['name', 'yearStartBudget', 'actual', 'returnedToTreasury', 'carriedForward', 'isNew', 'note'];

function readProjects(book: Workbook, ctx: ReadContext, doc: Doc): void {
  setPath(doc, ['projects'], []);
  let index = -1;
  let supplements = 0;
  for (const row of rowsOf(book, PROJECTS, ctx)) {
    const continuation =
      row.get('name') === undefined && PROJECT_FIELDS.every((k) => row.get(k) === undefined) && index >= 0;
    if (!continuation) {
      index += 1;
      supplements = 0;
      const base: FieldPath = ['projects', index];
      remember(ctx, base, row.where('name'));
      for (const key of PROJECT_FIELDS) put(ctx, doc, [...base, key], row, key);
      setPath(doc, [...base, 'supplementaryAppropriations'], []);
      if (row.get('declaredRate') !== undefined)
        put(ctx, doc, [...base, 'declared', 'executionRate'], row, 'declaredRate');
    }
    if (
      row.get('supplementAmount') === undefined &&
      row.get('supplementDate') === undefined &&
      row.get('supplementNote') === undefined
    )
      continue;
    const base: FieldPath = ['projects', index, 'supplementaryAppropriations', supplements++];
    remember(ctx, base, row.where('supplementAmount'));
    put(ctx, doc, [...base, 'amount'], row, 'supplementAmount');
    put(ctx, doc, [...base, 'date'], row, 'supplementDate');
    put(ctx, doc, [...base, 'note'], row, 'supplementNote');
  }
}

function readPayment(book: Workbook, ctx: ReadContext, doc: Doc): void {
  const rows = rowsOf(book, PAYMENT, ctx);
  rows.forEach((row, i) => {
    const base: FieldPath = ['paymentProgress', 'points', i];
    remember(ctx, base, row.where('month'));
    put(ctx, doc, [...base, 'month'], row, 'month');
    put(ctx, doc, [...base, 'cumulativePaid'], row, 'paid');
    put(ctx, doc, [...base, 'cumulativePercent'], row, 'percent');
  });
}

function readIndicators(book: Workbook, ctx: ReadContext, doc: Doc): void {
  setPath(doc, ['indicators'], []);
  rowsOf(book, INDICATORS, ctx).forEach((row, i) => {
    remember(ctx, ['indicators', i], row.where('name'));
    for (const c of INDICATORS.columns) put(ctx, doc, ['indicators', i, c.key], row, c.key);
  });
}

function readDeclared(book: Workbook, ctx: ReadContext, doc: Doc): void {
  setPath(doc, ['declared'], {});
  for (const row of rowsOf(book, DECLARED, ctx)) {
    const key = row.get('key');
    if (typeof key === 'string') put(ctx, doc, ['declared', key], row, 'value');
  }
}

/** Reads every table sheet of a workbook into `doc`. */
export function readTableSheets(book: Workbook, ctx: ReadContext, doc: Doc): void {
  // Whole parts point at their sheet when a problem has no cell (e.g. no income source at all).
  remember(ctx, ['income'], { cell: INCOME.name, label: '收入来源' });
  remember(ctx, ['basicExpenditure', 'threePublic'], { cell: THREE_PUBLIC.name, label: '三公经费' });
  remember(ctx, ['projects'], { cell: PROJECTS.name, label: '项目' });
  remember(ctx, ['paymentProgress'], { cell: PAYMENT.name, label: '支付进度' });
  remember(ctx, ['indicators'], { cell: INDICATORS.name, label: '绩效指标' });
  remember(ctx, ['declared'], { cell: DECLARED.name, label: '报告陈述数' });
  readIncome(book, ctx, doc);
  readLines(rowsOf(book, BASIC_LINES, ctx), ctx, doc, ['basicExpenditure', 'lines']);
  readThreePublic(book, ctx, doc);
  readProjects(book, ctx, doc);
  const projectLines = rowsOf(book, PROJECT_LINES, ctx);
  if (projectLines.length > 0) readLines(projectLines, ctx, doc, ['projectExpenditure', 'lines']);
  readPayment(book, ctx, doc);
  readIndicators(book, ctx, doc);
  readDeclared(book, ctx, doc);
}
