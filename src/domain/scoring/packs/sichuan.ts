import type { RulePackInput } from '../rule-pack.js';
import { MOF_LEVELS, NATIONAL_PACK } from './national.js';

/**
 * 四川式规则: the 部门预算项目支出绩效自评表 prints "预算执行率 = 预算执行数 / 调整后预算数" (调整后预算数 is the
 * 全年预算数 column); scores as national.
 */
export const SICHUAN_PACK: RulePackInput = {
  ...NATIONAL_PACK,
  name: 'sichuan',
  title: '四川省部门预算项目支出绩效自评表（示例规则）',
  jurisdiction: '四川省',
  source: '四川省公开的部门预算项目支出绩效自评表（表注：预算执行率 = 预算执行数 / 调整后预算数）',
  assumptions:
    '调整后预算数即表中全年预算数栏；执行率分值 10 分，按 分值 × 执行率 计分、以分值为上限；产出 50 / 效益 30 / 满意度 10 同全国规则；' +
    '0 ÷ 0 印作 0.00%。使用前请按当年文件核对。',
  executionBasis: 'fullYearBudget',
  forms: {
    project: {
      title: '部门预算项目支出绩效自评表',
      total: '100',
      funds: { weight: '10', basis: 'fullYearBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: MOF_LEVELS,
    },
  },
};
