import { z } from 'zod';
import type { MoneyUnit } from '../money/index.js';
import { amountSchema, listSchema, percentTextSchema, pointsTextSchema, textSchema } from './primitives.js';

/**
 * 自评表 as a province prints it: a 部门整体支出绩效自评表 (`scope: department`) or one 项目支出绩效自评表
 * (`scope: project`). Unlike the narrative report's indicators, every value is kept as the form wrote it ("≥95%",
 * "150万元", "完成"); a number and a unit are recovered from it where there is one. A project table's score is its
 * own, never part of the department's.
 */

/** 文档类型: what a dataset file holds, which decides the parts it must have. */
export const DOCUMENT_KINDS = ['report', 'departmentForm', 'projectForm', 'finalAccounts'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  report: '部门整体支出绩效自评报告',
  departmentForm: '部门整体支出绩效自评表',
  projectForm: '项目支出绩效自评表',
  finalAccounts: '部门决算说明',
};

/** 资金来源 row of a funds block (年度资金总额 is the sum of the rows, never a row itself). */
export function fundsRowSchema(unit: MoneyUnit) {
  return z.strictObject({
    source: textSchema('name')
      .min(1)
      .meta({ description: '资金来源，如 当年财政拨款、上年结转资金、其他资金；财政资金、财政专户、单位资金' }),
    yearStartBudget: amountSchema(unit).optional().meta({ description: '年初预算数' }),
    fullYearBudget: amountSchema(unit).optional().meta({ description: '全年预算数（调整后预算数）' }),
    actual: amountSchema(unit).optional().meta({ description: '全年执行数' }),
    weight: pointsTextSchema.optional().meta({ description: '分值（本行单独计分时）' }),
    declaredRate: percentTextSchema.optional().meta({ description: '表中所填执行率（%）' }),
    declaredScore: pointsTextSchema.optional().meta({ description: '表中所填得分' }),
    declaredShare: percentTextSchema
      .optional()
      .meta({ description: '表中所填占比（%）：本行全年执行数占年度资金总额全年执行数的比例' }),
  });
}

/** The 年度资金总额 row as the form prints it: each cell is checked against the sum of the rows. */
export function fundsTotalSchema(unit: MoneyUnit) {
  return z.strictObject({
    yearStartBudget: amountSchema(unit).optional().meta({ description: '年度资金总额：年初预算数' }),
    fullYearBudget: amountSchema(unit).optional().meta({ description: '年度资金总额：全年预算数' }),
    actual: amountSchema(unit).optional().meta({ description: '年度资金总额：全年执行数' }),
    weight: pointsTextSchema.optional().meta({ description: '年度资金总额：分值' }),
    rate: percentTextSchema.optional().meta({ description: '年度资金总额：执行率（%）' }),
    score: pointsTextSchema.optional().meta({ description: '年度资金总额：得分' }),
  });
}

/** 资金情况 block of a 自评表. */
export function fundsBlockSchema(unit: MoneyUnit) {
  return z.strictObject({
    rows: listSchema(fundsRowSchema(unit), 'kinds').default([]).meta({ description: '按资金来源的各行' }),
    declaredTotal: fundsTotalSchema(unit).optional().meta({ description: '表中所印“年度资金总额”行' }),
    adjustmentReason: textSchema('note').optional().meta({ description: '预算调整的原因（全年预算与年初预算不同时）' }),
  });
}

/** A row of the indicator grid, values as printed. */
export const formIndicatorSchema = z.strictObject({
  level1: textSchema('name').min(1).meta({ description: '一级指标，如 产出、效益、满意度、投入、过程、管理' }),
  level2: textSchema('name').optional().meta({ description: '二级指标，如 数量、质量、时效、成本' }),
  name: textSchema('name').min(1).meta({ description: '三级指标' }),
  target: textSchema('name').optional().meta({ description: '年度指标值，照表填写，如 ≥95%、150万元、完成' }),
  actual: textSchema('name').optional().meta({ description: '实际完成值，照表填写' }),
  direction: z
    .enum(['≥', '≤', '=', '定性'])
    .optional()
    .meta({ description: '指标性质；缺省时由指标值推断（≥/≤/＝ 前缀，文字为定性，纯数字为 ≥）' }),
  weight: pointsTextSchema.optional().meta({ description: '分值' }),
  declaredScore: pointsTextSchema.optional().meta({ description: '表中所填得分' }),
  deviationReason: textSchema('note').optional().meta({ description: '偏差原因分析及改进措施' }),
  linksTo: z
    .enum(['executionRate', 'cost'])
    .optional()
    .meta({ description: '与计算数的关联：预算执行率指标取计算的执行率；成本指标与实际支出比较（缺省按名称推断）' }),
});

/** 自评表. */
export function formTableSchema(unit: MoneyUnit) {
  return z.strictObject({
    scope: z.enum(['department', 'project']).meta({ description: 'department=部门整体自评表，project=项目自评表' }),
    name: textSchema('name').min(1).meta({ description: '项目名称（部门整体表为部门名称）' }),
    code: textSchema('name').optional().meta({ description: '项目编码' }),
    department: textSchema('name').optional().meta({ description: '主管部门' }),
    implementer: textSchema('name').optional().meta({ description: '实施单位' }),
    funds: fundsBlockSchema(unit).optional().meta({ description: '资金情况（年度资金总额及按来源各行）' }),
    annualTargets: listSchema(
      z.strictObject({
        target: textSchema('note').min(1).meta({ description: '年度总体目标（预期目标）' }),
        actual: textSchema('note').optional().meta({ description: '实际完成情况' }),
      }),
      'departmentItems',
    )
      .default([])
      .meta({ description: '年度总体目标及实际完成情况' }),
    indicators: listSchema(formIndicatorSchema, 'indicators').default([]).meta({ description: '绩效指标（照表）' }),
    declaredTotal: pointsTextSchema.optional().meta({ description: '表中所填总分' }),
    declaredGrade: z.enum(['优', '良', '中', '差']).optional().meta({ description: '表中所填等级' }),
  });
}

export type FormTable = z.output<ReturnType<typeof formTableSchema>>;
export type FormIndicator = z.output<typeof formIndicatorSchema>;
export type FundsRow = z.output<ReturnType<typeof fundsRowSchema>>;
