import { ACHIEVEMENTS, DIRECTIONS, LEVEL1 } from '../../domain/dataset/indicators.js';
import { NO, YES, type CellKind } from './cells.js';

/** A column of a table sheet: header row text, how cells are read, and the help a finance officer sees. */
export type Column = {
  key: string;
  header: string;
  kind: CellKind;
  width?: number;
  note?: string;
  /** A dropdown: fixed values, or the economic-code list on the hidden code sheet. */
  list?: readonly string[] | 'economicCodes';
};

export type TableSpec = { name: string; columns: readonly Column[] };

export const SHEET = {
  basic: '基本情况',
  income: '收入',
  basicLines: '基本支出明细',
  threePublic: '三公经费',
  projects: '项目',
  projectLines: '项目支出明细',
  payment: '支付进度',
  indicators: '绩效指标',
  narrative: '文字部分',
  declared: '报告陈述数',
  codes: '代码表',
} as const;

const BOOL = [YES, NO] as const;
export const INCOME_SOURCE = '收入来源';
export const INCOME_ADJUSTMENT = '预算调整';

export const INCOME: TableSpec = {
  name: SHEET.income,
  columns: [
    { key: 'type', header: '类别', kind: 'text', width: 12, list: [INCOME_SOURCE, INCOME_ADJUSTMENT] },
    {
      key: 'name',
      header: '来源/调整说明',
      kind: 'text',
      width: 30,
      note: '收入来源，如 财政拨款；预算调整时填调整说明',
    },
    {
      key: 'basic',
      header: '基本支出',
      kind: 'amount',
      width: 14,
      note: '金额，按基本情况中的金额单位；预算调整（调减为负数）只填基本支出或项目支出一栏',
    },
    { key: 'project', header: '项目支出', kind: 'amount', width: 14 },
    { key: 'date', header: '调整日期', kind: 'date', width: 12, note: 'YYYY-MM-DD，可不填' },
  ],
};

const lineColumns: readonly Column[] = [
  {
    key: 'code',
    header: '经济分类科目编码',
    kind: 'code',
    width: 16,
    list: 'economicCodes',
    note: '部门经济分类：3 位（类）或 5 位（款），如 30101',
  },
  { key: 'label', header: '科目名称', kind: 'text', width: 24, note: '可不填，缺省用科目标准名称' },
  { key: 'amount', header: '金额', kind: 'amount', width: 14 },
];
export const BASIC_LINES: TableSpec = { name: SHEET.basicLines, columns: lineColumns };
export const PROJECT_LINES: TableSpec = { name: SHEET.projectLines, columns: lineColumns };

export const THREE_PUBLIC_ROWS = [
  ['overseasTravel', '因公出国（境）费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行维护费'],
  ['reception', '公务接待费'],
] as const;
export const THREE_PUBLIC: TableSpec = {
  name: SHEET.threePublic,
  columns: [
    {
      key: 'item',
      header: '项目',
      kind: 'text',
      width: 22,
      note: '四行固定，不要修改；公务用车购置费无预算时两栏都不填',
    },
    { key: 'budget', header: '预算数', kind: 'amount', width: 14 },
    { key: 'actual', header: '决算数', kind: 'amount', width: 14 },
  ],
};

export const PROJECTS: TableSpec = {
  name: SHEET.projects,
  columns: [
    {
      key: 'name',
      header: '项目名称',
      kind: 'text',
      width: 32,
      note: '追加预算多于一笔时，在下一行只填追加三栏、项目名称留空',
    },
    { key: 'yearStartBudget', header: '年初预算数', kind: 'amount', width: 13 },
    { key: 'actual', header: '实际支出数', kind: 'amount', width: 13 },
    { key: 'returnedToTreasury', header: '上缴财政', kind: 'amount', width: 12, note: '可不填（视为 0）' },
    { key: 'carriedForward', header: '结转结余', kind: 'amount', width: 12, note: '可不填（视为 0）' },
    { key: 'isNew', header: '是否新增', kind: 'bool', width: 10, list: BOOL },
    { key: 'declaredRate', header: '报告所述执行率（%）', kind: 'percent', width: 14 },
    { key: 'note', header: '说明', kind: 'text', width: 30 },
    { key: 'supplementAmount', header: '追加金额', kind: 'amount', width: 12 },
    { key: 'supplementDate', header: '追加日期', kind: 'date', width: 12 },
    { key: 'supplementNote', header: '追加说明', kind: 'text', width: 24 },
  ],
};

export const PAYMENT: TableSpec = {
  name: SHEET.payment,
  columns: [
    { key: 'month', header: '截至月份', kind: 'int', width: 10, note: '1–12；季度末为 3、6、9、12' },
    { key: 'paid', header: '累计支付金额', kind: 'amount', width: 14, note: '累计支付金额与累计支付进度只填一项' },
    { key: 'percent', header: '累计支付进度（%）', kind: 'percent', width: 14 },
  ],
};

export const INDICATORS: TableSpec = {
  name: SHEET.indicators,
  columns: [
    { key: 'level1', header: '一级指标', kind: 'text', width: 10, list: LEVEL1 },
    {
      key: 'level2',
      header: '二级指标',
      kind: 'text',
      width: 12,
      note: '如 数量、质量、时效、成本、社会、服务对象满意度',
    },
    { key: 'name', header: '三级指标', kind: 'text', width: 28 },
    { key: 'project', header: '所属项目', kind: 'text', width: 20, note: '部门整体指标不填' },
    { key: 'direction', header: '指标性质', kind: 'text', width: 10, list: DIRECTIONS },
    { key: 'target', header: '年度指标值', kind: 'quantity', width: 12 },
    { key: 'targetText', header: '指标值（定性）', kind: 'text', width: 16 },
    { key: 'unit', header: '度量单位', kind: 'text', width: 10 },
    { key: 'actual', header: '实际完成值', kind: 'quantity', width: 12 },
    { key: 'achievement', header: '完成程度（定性）', kind: 'text', width: 12, list: ACHIEVEMENTS },
    { key: 'evidence', header: '完成依据', kind: 'text', width: 20 },
    { key: 'weight', header: '分值', kind: 'quantity', width: 8 },
    { key: 'declaredScore', header: '自评得分', kind: 'quantity', width: 10 },
    { key: 'deviationReason', header: '偏差原因及改进措施', kind: 'text', width: 24 },
    { key: 'targetAssumed', header: '目标值系推定', kind: 'bool', width: 12, list: BOOL },
  ],
};

export const NARRATIVE_PARTS = [
  ['部门概述', 'department.intro'],
  ['主要职责', 'department.functions'],
  ['纳入预算范围的单位', 'department.budgetScope.units'],
  ['预算支出情况说明', 'narrative.budgetOverview'],
  ['项目支出说明', 'narrative.projectOverview'],
  ['资金管理情况', 'narrative.fundManagement'],
  ['绩效情况总述', 'narrative.achievementsIntro'],
  ['绩效情况', 'narrative.achievements'],
  ['存在的问题', 'narrative.problems'],
  ['改进措施', 'narrative.measures'],
  ['结果应用', 'narrative.resultsUse'],
  ['其他说明', 'narrative.other'],
  ['年度总体目标', 'selfEvaluation.annualTargets'],
  ['问题审阅', 'narrative.problemReviews'],
] as const;

/** 问题审阅 decisions as the 二级标题 column shows them. */
export const REVIEW_DECISIONS = [
  ['采纳', 'accepted'],
  ['修改后采纳', 'edited'],
  ['不采纳', 'rejected'],
] as const;

export const NARRATIVE: TableSpec = {
  name: SHEET.narrative,
  columns: [
    { key: 'part', header: '部分', kind: 'text', width: 18, list: NARRATIVE_PARTS.map(([label]) => label) },
    {
      key: 'heading',
      header: '一级标题',
      kind: 'text',
      width: 24,
      note: '“绩效情况”的一级标题；“年度总体目标”的目标；“问题审阅”的问题标识',
    },
    {
      key: 'subheading',
      header: '二级标题',
      kind: 'text',
      width: 24,
      note: '“绩效情况”的二级标题；“问题审阅”的决定：采纳、修改后采纳、不采纳',
    },
    {
      key: 'paragraph',
      header: '段落',
      kind: 'text',
      width: 100,
      note: '每行一段；“绩效情况”中段落留空表示只有标题；“年度总体目标”填实际完成情况',
    },
  ],
};

export const DECLARED: TableSpec = {
  name: SHEET.declared,
  columns: [
    { key: 'label', header: '报告所述数', kind: 'text', width: 36 },
    { key: 'key', header: '代码', kind: 'code', width: 28, note: '不要修改' },
    {
      key: 'value',
      header: '数值',
      kind: 'amount',
      width: 14,
      note: '报告中写的数；未写的留空。比例填百分数（如 64.11）',
    },
  ],
};

export const TABLES: readonly TableSpec[] = [
  INCOME,
  BASIC_LINES,
  THREE_PUBLIC,
  PROJECTS,
  PROJECT_LINES,
  PAYMENT,
  INDICATORS,
  NARRATIVE,
  DECLARED,
];
