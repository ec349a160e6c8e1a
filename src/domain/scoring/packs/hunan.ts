import type { RulePackInput } from '../rule-pack.js';

/**
 * 湖南式规则 (Hunan-style): the add-ons seen in Hunan practice (standards.md §4) switched on — the
 * year-start budget as the execution-rate denominator (as Hunan forms state it), −2 points for an
 * indicator beaten by 30 % or more, total caps by execution rate, and a qualitative score taken at
 * the middle of its band when none is declared. Checkpoints 45 % by June and 80 % by November.
 */
export const HUNAN_PACK: RulePackInput = {
  name: 'hunan',
  title: '湖南省部门整体支出绩效自评（示例规则）',
  jurisdiction: '湖南省',
  year: 2020,
  source: '湖南省财政厅部门整体支出绩效评价实践（示例，使用前请按当年文件核对）',
  weights: { execution: '10', 产出: '50', 效益: '30', 满意度: '10' },
  executionBasis: 'yearStartBudget',
  explanationThreshold: '90',
  formulas: { '≥': 'proportional', '≤': 'linearToDouble', '=': 'relativeDeviation' },
  qualitative: {
    bands: { 达成: ['80', '100'], 部分达成: ['60', '80'], 未达成: ['0', '60'] },
    point: 'middle',
  },
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  tooLowTargetThreshold: '30',
  addOns: {
    overAchievementPenalty: { threshold: '30', points: '2' },
    executionCaps: [
      { below: '80', maxTotal: '89' },
      { below: '70', maxTotal: '79' },
      { below: '60', maxTotal: '69' },
      { below: '50', maxTotal: '59' },
    ],
  },
  problems: {
    executionRateThreshold: '90',
    executionBases: ['yearStartBudget', 'fullYearBudget'],
    paymentSchedule: {
      kind: 'checkpoints',
      checkpoints: [
        { month: 6, percent: '45' },
        { month: 11, percent: '80' },
      ],
    },
    largeBalance: { minAmountWanYuan: '10', minShare: '10' },
    lateSupplementaryFromMonth: 12,
  },
};
