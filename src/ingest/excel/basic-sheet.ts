import type { Worksheet } from 'exceljs';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../../domain/dataset/form-table.js';
import type { FieldPath } from '../../domain/findings/finding.js';
import { readCell, shown, type CellKind } from './cells.js';
import { SHEET, type TableSpec } from './layout.js';
import { remember, setPath, type ReadContext } from './read-table.js';

/** A row of 基本情况: label in column A, value in B. `choices` maps Chinese labels to stored values. */
export type BasicField = {
  label: string;
  path: FieldPath;
  kind: CellKind;
  note?: string;
  choices?: readonly (readonly [string, string])[];
};

export const BASIC_FIELDS: readonly BasicField[] = [
  { label: '预算年度', path: ['fiscalYear'], kind: 'int', note: '如 2020' },
  {
    label: '金额单位',
    path: ['unit'],
    kind: 'text',
    choices: [
      ['万元', '万元'],
      ['元', '元'],
    ],
    note: '本工作簿所有金额的单位',
  },
  { label: '评分规则包', path: ['rulePack'], kind: 'text', note: '缺省为 national' },
  {
    label: '文档类型',
    path: ['kind'],
    kind: 'text',
    choices: DOCUMENT_KINDS.map((kind) => [DOCUMENT_KIND_LABELS[kind], kind] as const),
    note: '缺省为部门整体支出绩效自评报告；只有自评表时选相应的自评表，并填写自评表工作表',
  },
  { label: '部门名称', path: ['department', 'name'], kind: 'text', note: '全称' },
  { label: '简称', path: ['department', 'shortName'], kind: 'text' },
  { label: '预算编码', path: ['department', 'code'], kind: 'code' },
  { label: '机构性质', path: ['department', 'kind'], kind: 'text', note: '如 区政府工作部门' },
  { label: '机构规格', path: ['department', 'level'], kind: 'text', note: '如 正科级' },
  { label: '上级部门', path: ['department', 'parent'], kind: 'text' },
  { label: '财政部门', path: ['department', 'financeBureau'], kind: 'text', note: '如 雨花区财政局' },
  { label: '联系人', path: ['department', 'contact'], kind: 'text' },
  { label: '预算范围说明', path: ['department', 'budgetScope', 'note'], kind: 'text' },
  { label: '在职在编人数', path: ['department', 'staffing', 'inPost'], kind: 'int' },
  { label: '人才引进人数', path: ['department', 'staffing', 'recruitedTalent'], kind: 'int' },
  { label: '雇员人数', path: ['department', 'staffing', 'hiredStaff'], kind: 'int' },
  { label: '劳务派遣人数', path: ['department', 'staffing', 'dispatchedWorkers'], kind: 'int' },
  { label: '退休人数', path: ['department', 'staffing', 'retirees'], kind: 'int' },
  { label: '基本支出年初预算数', path: ['basicExpenditure', 'yearStartBudget'], kind: 'amount' },
  { label: '基本支出实际支出数', path: ['basicExpenditure', 'actual'], kind: 'amount', note: '决算数' },
  { label: '基本支出结转结余', path: ['basicExpenditure', 'carriedForward'], kind: 'amount', note: '可不填' },
  { label: '基本支出明细备注', path: ['basicExpenditure', 'linesNote'], kind: 'text' },
  {
    label: '年初结转（基本支出）',
    path: ['income', 'carryOver', 'basic'],
    kind: 'amount',
    note: '上年结转资金，可不填',
  },
  {
    label: '年初结转（项目支出）',
    path: ['income', 'carryOver', 'project'],
    kind: 'amount',
    note: '上年结转资金，可不填',
  },
  {
    label: '公用经费预算数',
    path: ['basicExpenditure', 'publicUseBudget'],
    kind: 'amount',
    note: '用于公用经费控制率',
  },
  {
    label: '“三公”经费预算合计',
    path: ['basicExpenditure', 'threePublic', 'budgetTotal'],
    kind: 'amount',
    note: '表中只列合计预算时填写',
  },
  { label: '公务用车保有量（辆）', path: ['basicExpenditure', 'threePublic', 'vehicleCount'], kind: 'int' },
  { label: '本年购置公务用车（辆）', path: ['basicExpenditure', 'threePublic', 'vehiclesPurchased'], kind: 'int' },
  { label: '国内公务接待批次', path: ['basicExpenditure', 'threePublic', 'receptionBatches'], kind: 'int' },
  { label: '国内公务接待人次', path: ['basicExpenditure', 'threePublic', 'receptionVisitors'], kind: 'int' },
  { label: '因公出国（境）团组数', path: ['basicExpenditure', 'threePublic', 'overseasGroups'], kind: 'int' },
  { label: '因公出国（境）人次', path: ['basicExpenditure', 'threePublic', 'overseasPersons'], kind: 'int' },
  { label: '政府采购预算数', path: ['management', 'procurementBudget'], kind: 'amount' },
  { label: '政府采购实际支出数', path: ['management', 'procurementActual'], kind: 'amount' },
  { label: '上年本年收入合计', path: ['priorYear', 'incomeTotal'], kind: 'amount' },
  { label: '上年收入总计', path: ['priorYear', 'incomeGrandTotal'], kind: 'amount', note: '含年初结转和结余' },
  { label: '上年本年支出合计', path: ['priorYear', 'expenditureTotal'], kind: 'amount' },
  { label: '上年基本支出', path: ['priorYear', 'expenditureBasic'], kind: 'amount' },
  { label: '上年项目支出', path: ['priorYear', 'expenditureProject'], kind: 'amount' },
  { label: '上年“三公”经费预算数', path: ['priorYear', 'threePublicBudget'], kind: 'amount' },
  { label: '上年“三公”经费支出数', path: ['priorYear', 'threePublicActual'], kind: 'amount' },
  { label: '上年因公出国（境）费', path: ['priorYear', 'overseasTravel'], kind: 'amount' },
  { label: '上年公务用车购置及运行维护费', path: ['priorYear', 'vehicle'], kind: 'amount' },
  { label: '上年公务接待费', path: ['priorYear', 'reception'], kind: 'amount' },
  {
    label: '收入增减率基数',
    path: ['priorYear', 'changeRateBase'],
    kind: 'text',
    choices: [
      ['本年收入合计', 'incomeTotal'],
      ['收入总计', 'incomeGrandTotal'],
    ],
    note: '填写上年数时选择；缺省为本年收入合计',
  },

  { label: '项目支出明细备注', path: ['projectExpenditure', 'linesNote'], kind: 'text' },
  {
    label: '执行率偏低原因说明',
    path: ['selfEvaluation', 'executionExplanation'],
    kind: 'text',
    note: '自评表：预算执行率偏低的原因',
  },
  { label: '自评表所填执行率得分', path: ['selfEvaluation', 'declaredExecutionScore'], kind: 'quantity' },
  { label: '自评表所填总分', path: ['selfEvaluation', 'declaredTotal'], kind: 'quantity' },
  {
    label: '自评表所填等级',
    path: ['selfEvaluation', 'declaredGrade'],
    kind: 'text',
    choices: [
      ['优', '优'],
      ['良', '良'],
      ['中', '中'],
      ['差', '差'],
    ],
  },
  {
    label: '支付进度口径',
    path: ['paymentProgress', 'scope'],
    kind: 'text',
    choices: [
      ['项目支出', 'project'],
      ['基本支出', 'basic'],
      ['全部支出', 'total'],
    ],
  },
  {
    label: '支付进度分母',
    path: ['paymentProgress', 'base'],
    kind: 'text',
    choices: [
      ['全年预算', 'fullYearBudget'],
      ['年初预算', 'yearStartBudget'],
    ],
  },
];

/** Repeatable rows: 编制 (count in B, kind in C) and 内设机构 (name in B, kind in C). */
export const POSTS_LABEL = '编制';
export const UNITS_LABEL = '内设机构';

export const BASIC: TableSpec = {
  name: SHEET.basic,
  columns: [
    { key: 'label', header: '项目', kind: 'text', width: 22, note: '不要修改本列；“编制”“内设机构”可增删行' },
    { key: 'value', header: '内容', kind: 'text', width: 40 },
    { key: 'extra', header: '类别', kind: 'text', width: 16, note: '编制类型（如 行政编制）或机构类别（如 职能科室）' },
  ],
};

function readChoice(field: BasicField, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (field.choices === undefined || value === undefined) return { ok: true, value };
  const match = field.choices.find(([label, stored]) => value === label || value === stored);
  if (match !== undefined) return { ok: true, value: match[1] };
  return { ok: false, message: `应为 ${field.choices.map(([l]) => l).join('、')} 之一：${shown(value)}` };
}

type Repeated = { posts: number; units: number };

function readRepeated(
  ctx: ReadContext,
  doc: Record<string, unknown>,
  label: string,
  row: number,
  sheet: Worksheet,
  n: Repeated,
) {
  const b = readCell(sheet.getCell(row, 2).value, label === POSTS_LABEL ? 'int' : 'text');
  const c = readCell(sheet.getCell(row, 3).value, 'text');
  if (!b.ok) ctx.problems.push({ cell: `${SHEET.basic}!B${row}`, code: 'CELL_INVALID', message: b.message });
  // A row with only its kind filled (the template lists 行政编制, 事业编制, 工勤编制) is not a post.
  if (b.ok && b.value === undefined) return;
  const base: FieldPath =
    label === POSTS_LABEL
      ? ['department', 'staffing', 'authorizedPosts', n.posts++]
      : ['department', 'internalUnits', n.units++];
  const [bKey, cKey] = label === POSTS_LABEL ? ['count', 'kind'] : ['name', 'kind'];
  remember(ctx, base, { cell: `${SHEET.basic}!A${row}`, label });
  remember(ctx, [...base, bKey], { cell: `${SHEET.basic}!B${row}`, label });
  remember(ctx, [...base, cKey], { cell: `${SHEET.basic}!C${row}`, label: '类别' });
  setPath(doc, [...base, bKey], b.ok ? b.value : undefined);
  setPath(doc, [...base, cKey], c.ok ? c.value : undefined);
}

/** Reads 基本情况 into `doc`; rows are found by their label in column A. */
export function readBasicSheet(sheet: Worksheet | undefined, ctx: ReadContext, doc: Record<string, unknown>): void {
  if (sheet === undefined) {
    ctx.problems.push({ cell: `${SHEET.basic}`, code: 'SHEET_MISSING', message: `缺少工作表“${SHEET.basic}”` });
    return;
  }
  setPath(doc, ['department', 'staffing', 'authorizedPosts'], []);
  const counts: Repeated = { posts: 0, units: 0 };
  sheet.eachRow((row, rowNumber) => {
    const label = String(row.getCell(1).text).trim();
    if (rowNumber === 1 || label === '') return;
    if (label === POSTS_LABEL || label === UNITS_LABEL) return readRepeated(ctx, doc, label, rowNumber, sheet, counts);
    const field = BASIC_FIELDS.find((f) => f.label === label);
    const cell = `${SHEET.basic}!B${rowNumber}`;
    if (field === undefined) {
      ctx.problems.push({ cell: `${SHEET.basic}!A${rowNumber}`, code: 'UNKNOWN_FIELD', message: `未知项目“${label}”` });
      return;
    }
    remember(ctx, field.path, { cell, label });
    const read = readCell(row.getCell(2).value, field.kind);
    const value = read.ok ? readChoice(field, read.value) : read;
    if (value.ok) setPath(doc, field.path, value.value);
    else ctx.problems.push({ cell, code: 'CELL_INVALID', message: value.message });
  });
}
