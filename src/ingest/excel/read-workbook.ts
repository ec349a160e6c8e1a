import ExcelJS from 'exceljs';
import { parseDataset } from '../../domain/dataset/parse.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import { formatPath, type FieldPath, type Finding } from '../../domain/findings/finding.js';
import { readBasicSheet } from './basic-sheet.js';
import { readFormSheets } from './form-sheet.js';
import { readNarrativeSheet } from './narrative-sheet.js';
import { readTableSheets } from './read-sheets.js';
import { newReadContext, type ReadContext, type Where } from './read-table.js';
import { checkWorkbookZip, WORKBOOK_LIMITS } from './zip-guard.js';

/** A workbook finding: located by `cell` (`项目!C7`) for people and by `path` for programs. */
export type WorkbookFinding = Finding & { cell: string };

export type ReadWorkbookResult = { ok: true; dataset: Dataset } | { ok: false; errors: WorkbookFinding[] };

/** The cell a JSON path came from, or that of its nearest recorded ancestor. */
function whereOf(ctx: ReadContext, path: FieldPath): Where | undefined {
  for (let n = path.length; n >= 0; n -= 1) {
    const where = ctx.where.get(formatPath(path.slice(0, n)));
    if (where !== undefined) return where;
  }
  return undefined;
}

const valueAt = (doc: unknown, path: FieldPath): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], doc);

function locate(ctx: ReadContext, doc: Record<string, unknown>, finding: Finding): WorkbookFinding {
  const where = whereOf(ctx, finding.path);
  const cell = where?.cell ?? '';
  // A blank cell of a required column: say so, whatever the schema's wording for the type was.
  const blank = ctx.where.has(formatPath(finding.path)) && valueAt(doc, finding.path) === undefined;
  if ((finding.code === 'REQUIRED_FIELD_MISSING' || blank) && where !== undefined) {
    return { ...finding, cell, message: `未填写“${where.label}”` };
  }
  return { ...finding, cell };
}

type Doc = Record<string, unknown>;
const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  (Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' && value !== null && Object.values(value).every(isEmpty));

/**
 * Drops parts the sheets create but that mean nothing when empty (payment scope without points, and so on). A
 * document other than a narrative report may leave out income, basic expenditure and staffing: their blank
 * sheets (the 三公 rows with labels only) then give no part at all rather than a part of blanks.
 */
function tidy(doc: Doc): void {
  const progress = doc['paymentProgress'] as Doc | undefined;
  if (progress !== undefined && progress['points'] === undefined) delete doc['paymentProgress'];
  const projectExpenditure = doc['projectExpenditure'] as Doc | undefined;
  if (projectExpenditure !== undefined) projectExpenditure['lines'] ??= [];
  if (doc['kind'] === undefined || doc['kind'] === 'report') return;
  for (const key of ['income', 'basicExpenditure']) if (isEmpty(doc[key])) delete doc[key];
  const department = doc['department'] as Doc | undefined;
  if (department !== undefined && isEmpty(department['staffing'])) delete department['staffing'];
}

async function loadWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook | null> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ExcelJS.Buffer);
    return book;
  } catch {
    return null;
  }
}

/**
 * 导入: reads a filled workbook into a dataset. Every problem is reported with its sheet and cell, cell
 * problems and schema problems together; there is no partial result.
 */
export async function readWorkbook(data: Buffer | Uint8Array): Promise<ReadWorkbookResult> {
  const refuse = (code: string, message: string, cell = ''): ReadWorkbookResult => ({
    ok: false,
    errors: [{ severity: 'error', code, message, path: [], cell }],
  });
  const zip = await checkWorkbookZip(data);
  if (!zip.ok) return refuse(zip.code, zip.message);
  const book = await loadWorkbook(data);
  if (book === null) return refuse('XLSX_UNREADABLE', '不是有效的 Excel 工作簿（.xlsx）');
  const crowded = book.worksheets.find((sheet) => sheet.actualRowCount > WORKBOOK_LIMITS.maxRowsPerSheet + 1);
  if (crowded !== undefined) {
    const message = `工作表“${crowded.name}”有 ${crowded.actualRowCount} 行，超过上限 ${WORKBOOK_LIMITS.maxRowsPerSheet} 行，未导入`;
    return refuse('SHEET_TOO_MANY_ROWS', message, crowded.name);
  }
  const ctx = newReadContext();
  const doc: Record<string, unknown> = {};
  readBasicSheet(book.getWorksheet('基本情况'), ctx, doc);
  readTableSheets(book, ctx, doc);
  readNarrativeSheet(book, ctx, doc);
  readFormSheets(book, ctx, doc, doc['kind'] === 'departmentForm' ? 'department' : 'project');
  tidy(doc);
  const cellErrors: WorkbookFinding[] = ctx.problems.map((p) => ({
    severity: 'error',
    code: p.code,
    message: p.message,
    path: [],
    cell: p.cell,
  }));
  const parsed = parseDataset(doc);
  const badCells = new Set(cellErrors.map((e) => e.cell));
  // A cell already reported (e.g. "应填是或否") is not reported again by the schema as missing.
  const schemaErrors = parsed.ok
    ? []
    : parsed.errors.map((e) => locate(ctx, doc, e)).filter((e) => !badCells.has(e.cell));
  const errors = [...cellErrors, ...schemaErrors];
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, dataset: parsed.dataset };
}

/** `项目!C7: 不是有效金额：abc` */
export function workbookFindingText(finding: WorkbookFinding): string {
  return finding.cell === '' ? finding.message : `${finding.cell}: ${finding.message}`;
}
