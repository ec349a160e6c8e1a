import type { RulePackInput } from '../rule-pack.js';

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
};
