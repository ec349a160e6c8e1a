import type { RulePackInput } from '../rule-pack.js';
import { NATIONAL_PACK } from './national.js';

/**
 * 湖南式规则 (Hunan-style): the national pack with the add-ons seen in Hunan practice (standards.md §4) switched on — the
 * year-start budget as the execution-rate denominator (as Hunan forms state it), −2 points for an
 * indicator beaten by 30 % or more, total caps by execution rate, and a qualitative score taken at
 * the middle of its band when none is declared. Checkpoints 45 % by June and 80 % by November.
 */
export const HUNAN_PACK: RulePackInput = {
  ...NATIONAL_PACK,
  name: 'hunan',
  title: '湖南省部门整体支出绩效自评（示例规则）',
  jurisdiction: '湖南省',
  source: '湖南省财政厅部门整体支出绩效评价实践（示例，使用前请按当年文件核对）',
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
};
