import type { CellKind } from './cells.js';

/**
 * A 自评表 sheet (项目支出绩效自评表 or 部门整体支出绩效自评表), one per table, laid out as the form reads: the
 * fields in column A (label) and B (value), then three blocks, each under its heading row — 资金情况 (年度资金总额
 * and the rows by source), 年度总体目标 with 实际完成情况, and the indicator grid. A sheet is a form sheet when A1
 * says 表式; blocks are found by their heading rows and columns by their heading text.
 */
export const FORM_MARK = '表式';
export const FORM_TEMPLATE_SHEET = '项目自评表';
export const FUNDS_TOTAL_LABEL = '年度资金总额';

/** 表式 as written in the sheet ↔ `scope`. */
export const FORM_SCOPES = [
  ['项目支出绩效自评表', 'project'],
  ['部门整体支出绩效自评表', 'department'],
] as const;

/** 关联计算数 as written ↔ `linksTo`. */
export const FORM_LINKS = [
  ['预算执行率', 'executionRate'],
  ['成本', 'cost'],
] as const;

export type FormField = {
  label: string;
  key: string;
  note?: string;
  choices?: readonly (readonly [string, string])[];
};

/** Rows 1–8: one field each. */
export const FORM_FIELDS: readonly FormField[] = [
  {
    label: FORM_MARK,
    key: 'scope',
    note: '项目支出绩效自评表 或 部门整体支出绩效自评表；本单元格不要删除',
    choices: FORM_SCOPES,
  },
  { label: '项目名称', key: 'name', note: '部门整体自评表填部门（单位）名称' },
  { label: '项目编码', key: 'code' },
  { label: '主管部门', key: 'department' },
  { label: '实施单位', key: 'implementer' },
  { label: '预算调整原因', key: 'adjustmentReason', note: '全年预算数与年初预算数不同时填写' },
  { label: '表中所填总分', key: 'declaredTotal' },
  {
    label: '表中所填等级',
    key: 'declaredGrade',
    choices: [
      ['优', '优'],
      ['良', '良'],
      ['中', '中'],
      ['差', '差'],
    ],
  },
];

export type FormColumn = { key: string; header: string; kind: CellKind; width: number; note?: string };

/** One block of the sheet: its heading row, which starts with `columns[0].header` in column A. */
export type FormBlock = { key: 'funds' | 'targets' | 'indicators'; columns: readonly FormColumn[] };

export const FUNDS_BLOCK: FormBlock = {
  key: 'funds',
  columns: [
    {
      key: 'source',
      header: '资金来源',
      kind: 'text',
      width: 22,
      note: '第一行为“年度资金总额”（照表填写，可不填）；以下每行一个来源，如 当年财政拨款、上年结转资金、其他资金',
    },
    { key: 'yearStartBudget', header: '年初预算数', kind: 'amount', width: 14, note: '表中没有的栏整栏不填' },
    { key: 'fullYearBudget', header: '全年预算数', kind: 'amount', width: 14 },
    { key: 'actual', header: '全年执行数', kind: 'amount', width: 14 },
    { key: 'weight', header: '分值', kind: 'quantity', width: 10 },
    { key: 'rate', header: '执行率（%）', kind: 'percent', width: 12 },
    { key: 'score', header: '得分', kind: 'quantity', width: 10 },
    { key: 'share', header: '占比（%）', kind: 'percent', width: 12, note: '表中印有占比时照填；年度资金总额行不填' },
  ],
};

export const TARGETS_BLOCK: FormBlock = {
  key: 'targets',
  columns: [
    { key: 'target', header: '年度总体目标', kind: 'text', width: 22, note: '每行一个目标' },
    { key: 'actual', header: '实际完成情况', kind: 'text', width: 14 },
  ],
};

export const INDICATORS_BLOCK: FormBlock = {
  key: 'indicators',
  columns: [
    { key: 'level1', header: '一级指标', kind: 'text', width: 22 },
    { key: 'level2', header: '二级指标', kind: 'text', width: 14 },
    { key: 'name', header: '三级指标', kind: 'text', width: 14 },
    { key: 'target', header: '年度指标值', kind: 'text', width: 14, note: '照表填写，如 ≥95%、150万元、完成' },
    { key: 'actual', header: '实际完成值', kind: 'text', width: 10 },
    { key: 'weight', header: '分值', kind: 'quantity', width: 12 },
    { key: 'declaredScore', header: '得分', kind: 'quantity', width: 10 },
    { key: 'deviationReason', header: '偏差原因分析及改进措施', kind: 'text', width: 30 },
    { key: 'direction', header: '指标性质', kind: 'text', width: 10, note: '≥、≤、=、定性；不填时由指标值推断' },
    { key: 'linksTo', header: '关联计算数', kind: 'text', width: 12, note: '预算执行率 或 成本；不填时按名称推断' },
  ],
};

export const FORM_BLOCKS: readonly FormBlock[] = [FUNDS_BLOCK, TARGETS_BLOCK, INDICATORS_BLOCK];

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * The sheet's name: the table's name (truncated to 31 characters), or 项目自评表N / 部门自评表N when it has none
 * Excel accepts; made unique against `used` (Excel compares names without case) with a （2）, （3）… suffix.
 */
export function formSheetName(name: string, scope: string, index: number, used: Set<string>): string {
  const cleaned = name
    .replace(FORBIDDEN, '')
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = cleaned === '' ? `${scope === 'department' ? '部门自评表' : '项目自评表'}${index + 1}` : cleaned;
  const fit = (text: string, suffix: string) => [...text].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  let candidate = fit(base, '');
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = fit(base, `（${n}）`);
  used.add(candidate.toLowerCase());
  return candidate;
}
