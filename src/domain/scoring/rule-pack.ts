import { z } from 'zod';
import { parsePercent, type Fen, type Percent } from '../money/index.js';
import { amountSchema } from '../dataset/primitives.js';
import { formatPoints, parsePoints, type Points } from './points.js';

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

/** 自评表执行率分母: 年初预算数, 全年预算数 (= 调整后预算数), or 可用预算 (年初结转 + 年初预算 + 本年追加). */
export const FORM_EXECUTION_BASES = ['yearStartBudget', 'fullYearBudget', 'availableBudget'] as const;
export type FormExecutionBasis = (typeof FORM_EXECUTION_BASES)[number];

/**
 * 资金得分规则: `proportional` = 分值 × 执行率, at most 分值; `steps` = full at `fullAt`, `pointsPerStep` off for each
 * `step` below it ("100%计满分，每低于5%扣2分"; `count: completed` counts whole steps, `started` every begun step);
 * `bands` = 分值 × 得分系数 of the first band whose `min` the rate reaches (highest first).
 */
export const fundsRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proportional') }),
  z.strictObject({
    kind: z.literal('steps'),
    fullAt: percentText,
    step: percentText.refine((p) => p > 0n, { message: '档距须大于 0' }),
    pointsPerStep: pointsText,
    count: z.enum(['completed', 'started']).default('completed'),
  }),
  z.strictObject({
    kind: z.literal('bands'),
    bands: z
      .array(z.strictObject({ min: percentText, factor: percentText }))
      .min(1)
      .refine((list) => list.every((b, i) => i === 0 || (list[i - 1]?.min ?? 0n) > b.min), {
        message: '得分系数档须按下限从高到低排列',
      }),
  }),
]);
export type FundsRule = z.output<typeof fundsRuleSchema>;

/** 一级指标 of a form with the weight it prints, and (optionally) its 二级指标. */
const formLevelSchema = z.strictObject({
  name: z.string().min(1),
  weight: pointsText,
  level2: z.array(z.string().min(1)).optional(),
});

/** The indicator grid: levels with weights (产出/效益/满意度, 投入/过程/产出/效益…) or one flat list. */
const formIndicatorLayoutSchema = z.discriminatedUnion('layout', [
  z.strictObject({ layout: z.literal('levels'), levels: z.array(formLevelSchema).min(1) }),
  z.strictObject({ layout: z.literal('flat'), weight: pointsText }),
]);

/** How one kind of 自评表 (部门整体 or 项目) is laid out and scored, as the form prints it. */
export const formConventionSchema = z
  .strictObject({
    title: z.string().min(1).meta({ description: '表名，如 项目支出绩效自评表' }),
    total: pointsText.default(10_000n as Points).meta({ description: '表的满分' }),
    funds: z.strictObject({
      weight: pointsText.meta({ description: '预算执行率分值（10 或 20）' }),
      basis: z.enum(FORM_EXECUTION_BASES).meta({ description: '合计行执行率分母' }),
      rowBasis: z.enum(FORM_EXECUTION_BASES).optional().meta({ description: '各来源行执行率分母（缺省同合计行）' }),
      rule: fundsRuleSchema.default({ kind: 'proportional' }),
      perRow: z.boolean().default(false).meta({ description: '各来源行单独计分（资金得分为各行得分之和）' }),
      zeroOverZero: z
        .enum(['zero', 'none'])
        .default('zero')
        .meta({ description: '0 ÷ 0 印作 0.00%（zero）或无执行率' }),
    }),
    indicators: formIndicatorLayoutSchema,
  })
  .superRefine((form, ctx) => {
    const parts: [string, Points][] =
      form.indicators.layout === 'flat'
        ? [['指标', form.indicators.weight]]
        : form.indicators.levels.map((l) => [l.name, l.weight]);
    const sum = parts.reduce<bigint>((total, [, w]) => total + w, form.funds.weight);
    if (sum === form.total) return;
    const listed = [
      `预算执行率 ${formatPoints(form.funds.weight)}`,
      ...parts.map(([n, w]) => `${n} ${formatPoints(w)}`),
    ];
    ctx.addIssue({
      code: 'custom',
      path: ['total'],
      message: `${form.title}各部分分值合计 ${formatPoints(sum as Points)} 分（${listed.join(' + ')}），与所声明的满分 ${formatPoints(form.total)} 分不符`,
    });
  });
export type FormConvention = z.output<typeof formConventionSchema>;

/** Stable code of a pack whose report weights do not add up to the total it declares. */
export const RULE_PACK_WEIGHTS_TOTAL = 'RULE_PACK_WEIGHTS_TOTAL';

/** 评分规则包: the scoring rules of one jurisdiction and year, as data. */
export const rulePackSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '规则包名称只能含小写字母、数字和连字符'),
    title: z.string().min(1).meta({ description: '规则包中文名称' }),
    jurisdiction: z.string().min(1).meta({ description: '适用地区，如 全国、湖南省' }),
    year: z.int().min(2000).max(2100).meta({ description: '适用年度' }),
    source: z.string().min(1).meta({ description: '依据文件' }),
    assumptions: z.string().min(1).optional().meta({ description: '依据文件未写明、由规则包假定的内容' }),
    weights: z.strictObject({ execution: pointsText, 产出: pointsText, 效益: pointsText, 满意度: pointsText }),
    total: pointsText.default(10_000n as Points).meta({ description: '报告评分满分（weights 各项之和须等于它）' }),
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
    /** 自评表 conventions, by kind of table; a pack without them cannot score that kind of table. */
    forms: z
      .strictObject({ department: formConventionSchema.optional(), project: formConventionSchema.optional() })
      .optional(),
  })
  .superRefine((pack, ctx) => {
    const { execution, 产出, 效益, 满意度 } = pack.weights;
    const sum = (execution + 产出 + 效益 + 满意度) as Points;
    if (sum === pack.total) return;
    const listed = [
      `预算执行率 ${formatPoints(execution)}`,
      ...(['产出', '效益', '满意度'] as const).map((n) => `${n} ${formatPoints(pack.weights[n])}`),
    ];
    ctx.addIssue({
      code: 'custom',
      path: ['weights'],
      params: { code: RULE_PACK_WEIGHTS_TOTAL },
      message: `评分分值合计 ${formatPoints(sum)} 分（${listed.join(' + ')}），与所声明的满分 ${formatPoints(pack.total)} 分不符`,
    });
  });

export type RulePack = z.output<typeof rulePackSchema>;
export type RulePackInput = z.input<typeof rulePackSchema>;
export type QualitativeBands = RulePack['qualitative']['bands'];
