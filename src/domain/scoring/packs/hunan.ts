import type { RulePackInput } from '../rule-pack.js';
import { MOF_LEVELS, NATIONAL_PACK } from './national.js';

/**
 * 湖南式规则 (Hunan-style): the national pack with the add-ons seen in Hunan practice (standards.md §4) switched on — the
 * year-start budget as the execution-rate denominator (as Hunan forms state it), −2 points for an
 * indicator beaten by 30 % or more, total caps by execution rate, and a qualitative score taken at
 * the middle of its band when none is declared. Checkpoints 45 % by June and 80 % by November. Its 部门整体自评表
 * divides by what was available to spend: 预算完成率 = 支出 ÷ (年初结转 + 年初预算 + 本年追加) (standards.md §6).
 */
export const HUNAN_PACK: RulePackInput = {
  ...NATIONAL_PACK,
  name: 'hunan',
  title: '湖南省部门整体支出绩效自评（示例规则）',
  jurisdiction: '湖南省',
  source: '湖南省财政厅部门整体支出绩效评价实践（示例，使用前请按当年文件核对）',
  assumptions:
    '部门整体自评表的预算完成率 = 全年执行数 ÷ 各来源行（含年初结转）全年预算数之和，即 年初结转 + 年初预算 + 本年追加；' +
    '某行未列全年预算数时取其年初预算数；执行率分值 10 分、产出 50 / 效益 30 / 满意度 10；扣分、封顶等附加规则对自评表同样适用。',
  executionBasis: 'yearStartBudget',
  qualitative: { ...NATIONAL_PACK.qualitative, point: 'middle' },
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
    ...NATIONAL_PACK.problems,
    paymentSchedule: {
      kind: 'checkpoints',
      checkpoints: [
        { month: 6, percent: '45' },
        { month: 11, percent: '80' },
      ],
    },
  },
  forms: {
    department: {
      title: '部门整体支出绩效自评表',
      total: '100',
      funds: { weight: '10', basis: 'availableBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: MOF_LEVELS,
    },
    project: NATIONAL_PACK.forms?.project,
  },
};
