import { z } from 'zod';
import { parsePercent, type Fen, type Percent } from '../money/index.js';
import { amountSchema } from '../dataset/primitives.js';
import { parsePoints, type Points } from './points.js';

/** 评分等级. */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** Formula for ≥ indicators: proportional = weight × actual ÷ target; allOrNothing = full or 0. */
export const AT_LEAST_FORMULAS = ['proportional', 'allOrNothing'] as const;
/** Formula for ≤ indicators: linearToDouble = full up to target, linear to 0 at twice the target. */
export const AT_MOST_FORMULAS = ['linearToDouble', 'allOrNothing'] as const;
/** Formula for = indicators: relativeDeviation = weight × (1 − |actual − target| ÷ |target|), at least 0. */
export const EQUAL_FORMULAS = ['relativeDeviation', 'allOrNothing'] as const;

/** 执行率分母: full-year (adjusted) budget, as national forms use, or the year-start budget. */
export const EXECUTION_BASES = ['fullYearBudget', 'yearStartBudget'] as const;
export type ExecutionBasis = (typeof EXECUTION_BASES)[number];

/** Where a qualitative score falls inside its band when no score is declared. */
export const BAND_POINTS = ['top', 'middle', 'bottom'] as const;

const pointsText = z.union([z.string(), z.number()]).transform((input, ctx): Points => {
  const value = parsePoints(String(input));
  if (value !== null && value >= 0n) return value;
  ctx.addIssue({ code: 'custom', message: `不是有效分值：${String(input)}（非负，最多 2 位小数）` });
  return z.NEVER;
});

const percentText = z.union([z.string(), z.number()]).transform((input, ctx): Percent => {
  const parsed = parsePercent(input);
  if (parsed.ok && parsed.percent >= 0n) return parsed.percent;
  ctx.addIssue({ code: 'custom', message: `不是有效百分比：${String(input)}（非负，最多 2 位小数）` });
  return z.NEVER;
});

const bandSchema = z
  .tuple([percentText, percentText])
  .refine(([low, high]) => low <= high, { message: '区间下限不得大于上限' });

/** 序时进度 curve: linear by month, or a place's own checkpoints (e.g. 45 % by June, 80 % by November). */
export const paymentScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear') }),
  z.strictObject({
    kind: z.literal('checkpoints'),
    checkpoints: z.array(z.strictObject({ month: z.int().min(1).max(12), percent: percentText })).min(1),
  }),
]);
export type PaymentScheduleRule = z.output<typeof paymentScheduleSchema>;

export const problemRulesSchema = z.strictObject({
  /** 执行率 below this is a problem (default 90 %). */
  executionRateThreshold: percentText.default(9000n as Percent),
  executionBases: z.array(z.enum(EXECUTION_BASES)).min(1).default(['yearStartBudget', 'fullYearBudget']),
  paymentSchedule: paymentScheduleSchema.default({ kind: 'linear' }),
  largeBalance: z
    .strictObject({ minAmountWanYuan: amountSchema('万元'), minShare: percentText })
    .default({ minAmountWanYuan: 10_000_000n as Fen, minShare: 1000n as Percent }),
  /** A supplementary appropriation dated in this month or later is too late to spend. */
  lateSupplementaryFromMonth: z.int().min(1).max(12).default(12),
});
export type ProblemRules = z.output<typeof problemRulesSchema>;

/** 评分规则包: the scoring rules of one jurisdiction and year, as data. */
export const rulePackSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '规则包名称只能含小写字母、数字和连字符'),
  title: z.string().min(1).meta({ description: '规则包中文名称' }),
  jurisdiction: z.string().min(1).meta({ description: '适用地区，如 全国、湖南省' }),
  year: z.int().min(2000).max(2100).meta({ description: '适用年度' }),
  source: z.string().min(1).meta({ description: '依据文件' }),
  weights: z.strictObject({ execution: pointsText, 产出: pointsText, 效益: pointsText, 满意度: pointsText }),
  executionBasis: z.enum(EXECUTION_BASES).default('fullYearBudget'),
  /** An execution rate below this needs an explanation (default 90 %). */
  explanationThreshold: percentText.default(9000n as Percent),
  formulas: z
    .strictObject({
      '≥': z.enum(AT_LEAST_FORMULAS).default('proportional'),
      '≤': z.enum(AT_MOST_FORMULAS).default('linearToDouble'),
      '=': z.enum(EQUAL_FORMULAS).default('relativeDeviation'),
    })
    .default({ '≥': 'proportional', '≤': 'linearToDouble', '=': 'relativeDeviation' }),
  qualitative: z.strictObject({
    bands: z.strictObject({ 达成: bandSchema, 部分达成: bandSchema, 未达成: bandSchema }),
    point: z.enum(BAND_POINTS).default('top'),
  }),
  grades: z
    .array(z.strictObject({ grade: z.enum(GRADES), min: pointsText }))
    .min(1)
    .refine((list) => list.every((g, i) => i === 0 || (list[i - 1]?.min ?? 0n) > g.min), {
      message: '等级须按下限从高到低排列',
    }),
  /** A target beaten by this much or more was set too low (finding; penalty only when the add-on is on). */
  tooLowTargetThreshold: percentText.default(3000n as Percent),
  addOns: z
    .strictObject({
      overAchievementPenalty: z.strictObject({ threshold: percentText, points: pointsText }).optional(),
      executionCaps: z.array(z.strictObject({ below: percentText, maxTotal: pointsText })).default([]),
    })
    .default({ executionCaps: [] }),
  problems: problemRulesSchema.default(problemRulesSchema.parse({})),
});

export type RulePack = z.output<typeof rulePackSchema>;
export type RulePackInput = z.input<typeof rulePackSchema>;
export type QualitativeBands = RulePack['qualitative']['bands'];
