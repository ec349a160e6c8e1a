import type { RulePackInput } from '../rule-pack.js';
import { NATIONAL_PACK } from './national.js';

/**
 * 湖北式规则: the 项目支出绩效自评表 divides 全年执行数 by 全年预算数, with a 20-point execution score as some
 * Hubei forms print it (standards.md §6); the 80 remaining points split 产出 40 / 效益 30 / 满意度 10.
 */
export const HUBEI_PACK: RulePackInput = {
  ...NATIONAL_PACK,
  name: 'hubei',
  title: '湖北省项目支出绩效自评表（示例规则，执行率 20 分）',
  jurisdiction: '湖北省',
  source: '湖北省公开的项目支出绩效自评表（执行率 = 全年执行数 ÷ 全年预算数，部分表执行率分值 20 分）',
  assumptions:
    '选用执行率分值 20 分的表式（另有 10 分的表式，可用 national 规则包）；其余 80 分假定为 产出 40 / 效益 30 / 满意度 10；' +
    '资金得分 = 分值 × 执行率、以分值为上限，各来源行不单独计分；0 ÷ 0 印作 0.00%。使用前请按当年文件核对。',
  executionBasis: 'fullYearBudget',
  forms: {
    project: {
      title: '项目支出绩效自评表',
      total: '100',
      funds: { weight: '20', basis: 'fullYearBudget', rule: { kind: 'proportional' }, zeroOverZero: 'zero' },
      indicators: {
        layout: 'levels',
        levels: [
          { name: '产出', weight: '40', level2: ['数量', '质量', '时效', '成本'] },
          { name: '效益', weight: '30', level2: ['经济', '社会', '生态', '可持续影响'] },
          { name: '满意度', weight: '10', level2: ['服务对象满意度'] },
        ],
      },
    },
  },
};
