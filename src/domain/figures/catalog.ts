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
  threePublicVehicleBudget: '公务用车购置及运行维护费预算数',
  threePublicVehicleActual: '公务用车购置及运行维护费决算数',
  carryOverTotal: '年初结转和结余',
  incomeGrandTotal: '收入总计（含年初结转和结余）',
  availableBudgetTotal: '可用预算（年初结转、年初预算与本年追加）',
  incomeChange: '收入增减额（较上年）',
  expenditureChange: '支出增减额（较上年）',
  threePublicChange: '“三公”经费支出增减额（较上年）',
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
  overseasTravelShare: '因公出国（境）费占“三公”经费支出比例',
  vehicleShare: '公务用车购置及运行维护费占“三公”经费支出比例',
  receptionShare: '公务接待费占“三公”经费支出比例',
  budgetCompletionRate: '预算完成率（可用预算口径）',
  budgetAdjustmentRate: '预算调整率',
  carryForwardRate: '结转结余率',
  publicUseControlRate: '公用经费控制率',
  procurementExecutionRate: '政府采购执行率',
  inPostControlRate: '在职人员控制率',
  incomeChangeRate: '收入增减率（较上年）',
  expenditureChangeRate: '支出增减率（较上年）',
  threePublicChangeRate: '“三公”经费变动率（支出较上年）',
  threePublicBudgetChangeRate: '“三公”经费预算变动率（预算较上年）',
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
