import { z } from 'zod';
import type { MoneyUnit } from '../money/index.js';
import { amountSchema, countSchema, dateSchema, listSchema, percentTextSchema, textSchema } from './primitives.js';

/** 预算口径: basic (基本支出) or project (项目支出) money. */
export const budgetPartSchema = z.enum(['basic', 'project']).meta({ description: 'basic=基本支出，project=项目支出' });

/** 预算调整/追加: one change to the year-start budget. */
export function adjustmentSchema(unit: MoneyUnit) {
  return z.strictObject({
    amount: amountSchema(unit).meta({ description: '调整金额（调减为负数）' }),
    date: dateSchema.optional(),
    note: textSchema('note').optional(),
  });
}

/** 预算调整（不属于某个项目的）, e.g. a basic-expenditure adjustment. */
export function incomeAdjustmentSchema(unit: MoneyUnit) {
  return adjustmentSchema(unit).extend({ part: budgetPartSchema });
}

/** 实际收入 by source (财政拨款收入, 事业收入, 其他收入…), split basic / project. */
export function incomeSourceSchema(unit: MoneyUnit) {
  return z.strictObject({
    source: textSchema('name').min(1).meta({ description: '收入来源，如 财政拨款' }),
    basic: amountSchema(unit).meta({ description: '基本支出收入' }),
    project: amountSchema(unit).meta({ description: '项目支出收入' }),
  });
}

export function incomeSchema(unit: MoneyUnit) {
  return z.strictObject({
    sources: listSchema(incomeSourceSchema(unit), 'kinds').min(1).meta({ description: '实际预算收入（按来源）' }),
    adjustments: listSchema(incomeAdjustmentSchema(unit), 'adjustments')
      .default([])
      .meta({ description: '不属于具体项目的预算调整；项目追加写在项目的 supplementaryAppropriations 中' }),
    carryOver: z
      .strictObject({
        basic: amountSchema(unit).optional().meta({ description: '基本支出年初结转' }),
        project: amountSchema(unit).optional().meta({ description: '项目支出年初结转' }),
      })
      .optional()
      .meta({ description: '年初结转和结余（上年结转资金）：收入总计 = 本年收入 + 年初结转' }),
  });
}

/** A detail line of expenditure by 部门经济分类 code. */
export function expenditureLineSchema(unit: MoneyUnit) {
  return z.strictObject({
    code: z
      .union([z.string(), z.int()])
      .transform(String)
      .pipe(z.string().regex(/^\d{3}(\d{2})?$/, '经济分类科目编码应为 3 位（类）或 5 位（款）数字'))
      .meta({ description: '部门经济分类科目编码，如 30101' }),
    label: textSchema('name').optional().meta({ description: '报告中显示的名称；缺省时用科目标准名称' }),
    amount: amountSchema(unit),
  });
}

/** 预算数与决算数 of one 三公 item; a form that prints the budget only as a total leaves the item's out. */
export function budgetActualSchema(unit: MoneyUnit) {
  return z.strictObject({
    budget: amountSchema(unit).optional().meta({ description: '预算数（表中只列合计预算时不填）' }),
    actual: amountSchema(unit),
  });
}

/** 三公经费. */
export function threePublicSchema(unit: MoneyUnit) {
  const item = budgetActualSchema(unit);
  return z.strictObject({
    overseasTravel: item.meta({ description: '因公出国（境）费' }),
    vehiclePurchase: item.optional().meta({ description: '公务用车购置费' }),
    vehicleOperation: item.meta({ description: '公务用车运行维护费' }),
    reception: item.meta({ description: '公务接待费' }),
    budgetTotal: amountSchema(unit)
      .optional()
      .meta({ description: '“三公”经费预算合计（只列合计时填写；各项均有预算时由各项求和）' }),
    vehicleCount: countSchema.optional().meta({ description: '公务用车保有量（辆）' }),
    vehiclesPurchased: countSchema.optional().meta({ description: '本年购置公务用车（辆）' }),
    receptionBatches: countSchema.optional().meta({ description: '国内公务接待批次' }),
    receptionVisitors: countSchema.optional().meta({ description: '国内公务接待人次' }),
    overseasGroups: countSchema.optional().meta({ description: '因公出国（境）团组数' }),
    overseasPersons: countSchema.optional().meta({ description: '因公出国（境）人次' }),
  });
}

/** 基本支出. */
export function basicExpenditureSchema(unit: MoneyUnit) {
  return z.strictObject({
    yearStartBudget: amountSchema(unit).meta({ description: '基本支出年初预算数' }),
    actual: amountSchema(unit).meta({ description: '基本支出实际支出数（决算数）' }),
    carriedForward: amountSchema(unit).optional().meta({ description: '基本支出结转结余（缺省为 0）' }),
    lines: listSchema(expenditureLineSchema(unit), 'lines').meta({ description: '明细支出（按经济分类）' }),
    linesNote: textSchema('note').optional().meta({ description: '明细表备注' }),
    threePublic: threePublicSchema(unit).optional().meta({ description: '“三公”经费（自评报告必填）' }),
    publicUseBudget: amountSchema(unit).optional().meta({ description: '公用经费预算数（用于公用经费控制率）' }),
  });
}

/** 项目（专项）. Identity: 全年预算 = 实际支出 + 上缴财政 + 结转结余. */
export function projectSchema(unit: MoneyUnit) {
  return z.strictObject({
    name: textSchema('name').min(1).meta({ description: '项目名称' }),
    yearStartBudget: amountSchema(unit).meta({ description: '年初预算数' }),
    supplementaryAppropriations: listSchema(adjustmentSchema(unit), 'adjustments')
      .default([])
      .meta({ description: '追加（调整）预算，每笔含金额、日期、说明' }),
    actual: amountSchema(unit).meta({ description: '实际支出数' }),
    returnedToTreasury: amountSchema(unit).optional().meta({ description: '上缴财政（缺省为 0）' }),
    carriedForward: amountSchema(unit).optional().meta({ description: '结转结余（缺省为 0）' }),
    isNew: z.boolean().default(false).meta({ description: '是否本年度新增专项' }),
    note: textSchema('note').optional().meta({ description: '说明（如未支付的原因）' }),
    declared: z
      .object({ executionRate: percentTextSchema.optional().meta({ description: '报告所述执行率（%）' }) })
      .optional()
      .meta({ description: '报告中关于本项目的陈述数' }),
  });
}

/** 项目支出明细. */
export function projectExpenditureSchema(unit: MoneyUnit) {
  return z.strictObject({
    lines: listSchema(expenditureLineSchema(unit), 'lines'),
    linesNote: textSchema('note').optional(),
  });
}

/** One checkpoint of payment progress (支付进度): cumulative paid at the end of a month. */
export function paymentPointSchema(unit: MoneyUnit) {
  return z
    .object({
      month: z.int().min(1).max(12).meta({ description: '截至该月末（季度末为 3、6、9、12）' }),
      cumulativePaid: amountSchema(unit).optional().meta({ description: '累计支付金额' }),
      cumulativePercent: percentTextSchema.optional().meta({ description: '累计支付进度（%），按所述口径' }),
    })
    .refine((p) => (p.cumulativePaid === undefined) !== (p.cumulativePercent === undefined), {
      message: '累计支付金额与累计支付进度须填且只填一项',
    });
}

/** 支付进度: which money it tracks and against which base. */
export function paymentProgressSchema(unit: MoneyUnit) {
  return z.strictObject({
    scope: z.enum(['project', 'basic', 'total']).default('project').meta({ description: '统计口径：项目/基本/全部' }),
    base: z
      .enum(['yearStartBudget', 'fullYearBudget'])
      .default('fullYearBudget')
      .meta({ description: '进度的分母：年初预算或全年预算（金额填报时用于换算百分比）' }),
    points: listSchema(paymentPointSchema(unit), 'paymentPoints')
      .min(1)
      .superRefine((points, ctx) => {
        const seen = new Set<number>();
        points.forEach((point, index) => {
          if (seen.has(point.month)) {
            ctx.addIssue({
              code: 'custom',
              message: `${point.month} 月末的支付进度重复填写`,
              path: [index, 'month'],
              params: { code: 'DUPLICATE_MONTH' },
            });
          }
          seen.add(point.month);
        });
      }),
  });
}
