/**
 * The department-level figures Jixiao derives, with their Chinese labels. A dataset's `declared` block
 * may state any of them; each stated one is checked against the computed one.
 */

export const AMOUNT_FIGURES = {
  yearStartBudgetTotal: '年初预算数',
  basicYearStartBudget: '基本支出年初预算数',
  projectYearStartBudget: '项目支出年初预算数',
  fullYearBudgetTotal: '全年预算数',
  basicFullYearBudget: '基本支出全年预算数',
  projectFullYearBudget: '项目支出全年预算数',
  supplementaryTotal: '追加（调整）预算合计',
  incomeTotal: '实际预算收入',
  incomeBasic: '基本支出拨款收入',
  incomeProject: '项目支出拨款收入',
  expenditureTotal: '支出决算数',
  expenditureBasic: '基本支出决算数',
  expenditureProject: '项目支出决算数',
  personnel: '人员经费',
  publicUse: '日常公用经费',
  basicLinesTotal: '基本支出明细合计',
  projectLinesTotal: '项目支出明细合计',
  yearEndBalance: '年末结余',
  projectYearEndBalance: '项目支出年末结余',
  returnedToTreasuryTotal: '上缴财政合计',
  carriedForwardTotal: '结转结余合计',
  threePublicBudget: '“三公”经费预算数',
  threePublicActual: '“三公”经费决算数',
} as const;

export const PERCENT_FIGURES = {
  incomeBasicShare: '基本支出收入占收入总额比例',
  incomeProjectShare: '项目支出收入占收入总额比例',
  expenditureBasicShare: '基本支出占支出总额比例',
  expenditureProjectShare: '项目支出占支出总额比例',
  personnelShare: '人员经费占基本支出比例',
  publicUseShare: '日常公用经费占基本支出比例',
  executionRate: '部门预算执行率（全年预算口径）',
  executionRateYearStart: '部门预算执行率（年初预算口径）',
  basicExecutionRate: '基本支出执行率（全年预算口径）',
  projectExecutionRate: '项目预算执行率（年初预算口径）',
  projectExecutionRateFullYear: '项目预算执行率（全年预算口径）',
  threePublicExecutionRate: '“三公”经费执行率',
} as const;

export type AmountFigureKey = keyof typeof AMOUNT_FIGURES;
export type PercentFigureKey = keyof typeof PERCENT_FIGURES;
export type FigureKey = AmountFigureKey | PercentFigureKey;

export const AMOUNT_FIGURE_KEYS = Object.keys(AMOUNT_FIGURES) as AmountFigureKey[];

/** Share pairs that must add up to 100 %. */
export const SHARE_PAIRS: readonly (readonly [PercentFigureKey, PercentFigureKey])[] = [
  ['incomeBasicShare', 'incomeProjectShare'],
  ['expenditureBasicShare', 'expenditureProjectShare'],
  ['personnelShare', 'publicUseShare'],
];
