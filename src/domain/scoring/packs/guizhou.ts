import type { RulePackInput } from '../rule-pack.js';
import { MOF_LEVELS, NATIONAL_PACK } from './national.js';

/**
 * 贵州式规则: the 部门整体支出绩效自评表 prints only 年初预算数 and 全年执行数, so its execution rate is
 * 执行数 ÷ 年初预算数 (standards.md §6); everything else as national.
 */
export const GUIZHOU_PACK: RulePackInput = {
  ...NATIONAL_PACK,
  name: 'guizhou',
  title: '贵州省部门整体支出绩效自评表（示例规则）',
  jurisdiction: '贵州省',
  source: '贵州省公开的部门整体支出绩效自评表（资金栏仅列年初预算数、全年执行数）',
  assumptions:
    '执行率 = 全年执行数 ÷ 年初预算数（表中无全年预算数栏）；执行率分值 10 分，按 分值 × 执行率 计分、以分值为上限；' +
    '产出 50 / 效益 30 / 满意度 10、定量公式与定性档次同全国规则；未设项目自评表规则。使用前请按当年文件核对。',
  executionBasis: 'yearStartBudget',
  forms: {
    department: {
      title: '部门整体支出绩效自评表',
      total: '100',
      funds: { weight: '10', basis: 'yearStartBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: MOF_LEVELS,
    },
  },
};
