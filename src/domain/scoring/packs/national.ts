import type { RulePackInput } from '../rule-pack.js';

type IndicatorLayout = NonNullable<NonNullable<RulePackInput['forms']>['project']>['indicators'];

/** 产出 50 / 效益 30 / 满意度 10, as the MoF 2020 forms print them. */
export const MOF_LEVELS: IndicatorLayout = {
  layout: 'levels',
  levels: [
    { name: '产出', weight: '50', level2: ['数量', '质量', '时效', '成本'] },
    { name: '效益', weight: '30', level2: ['经济', '社会', '生态', '可持续影响'] },
    { name: '满意度', weight: '10', level2: ['服务对象满意度'] },
  ],
};

/** 全国通用规则: MoF 2020 self-evaluation methods (standards.md §4); provincial add-ons off. */
export const NATIONAL_PACK: RulePackInput = {
  name: 'national',
  title: '全国通用（财政部 2020 年绩效自评方法）',
  jurisdiction: '全国',
  year: 2020,
  source: '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）及中央部门绩效自评工作通知',
  weights: { execution: '10', 产出: '50', 效益: '30', 满意度: '10' },
  executionBasis: 'fullYearBudget',
  explanationThreshold: '90',
  formulas: { '≥': 'proportional', '≤': 'linearToDouble', '=': 'relativeDeviation' },
  qualitative: {
    bands: { 达成: ['80', '100'], 部分达成: ['60', '80'], 未达成: ['0', '60'] },
    point: 'top',
  },
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  tooLowTargetThreshold: '30',
  addOns: { executionCaps: [] },
  problems: {
    executionRateThreshold: '90',
    executionBases: ['yearStartBudget', 'fullYearBudget'],
    paymentSchedule: { kind: 'linear' },
    largeBalance: { minAmountWanYuan: '10', minShare: '10' },
    lateSupplementaryFromMonth: 12,
  },
  assumptions:
    '自评表：资金情况各来源行（当年财政拨款、上年结转资金、其他资金）只列执行率、不单独计分；0 ÷ 0 的行按系统惯例印作 0.00%；' +
    '部门整体自评表沿用项目表的 10 / 50 / 30 / 10 分值。',
  forms: {
    department: {
      title: '部门整体支出绩效自评表',
      total: '100',
      funds: { weight: '10', basis: 'fullYearBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: MOF_LEVELS,
    },
    project: {
      title: '项目支出绩效自评表',
      total: '100',
      funds: { weight: '10', basis: 'fullYearBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: MOF_LEVELS,
    },
  },
};
