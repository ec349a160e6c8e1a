import { z } from 'zod';
import { MONEY_UNITS, type MoneyUnit } from '../money/index.js';
import {
  basicExpenditureSchema,
  incomeSchema,
  paymentProgressSchema,
  projectExpenditureSchema,
  projectSchema,
} from './budget.js';
import { declaredSchema } from './declared.js';
import { departmentSchema } from './department.js';
import { DOCUMENT_KINDS, formTableSchema } from './form-table.js';
import { managementSchema, priorYearSchema } from './prior-year.js';
import { indicatorsSchema, selfEvaluationSchema } from './indicators.js';
import { narrativeSchema } from './narrative.js';
import { listSchema, textSchema } from './primitives.js';

export const CURRENT_SCHEMA_VERSION = 1;

export const moneyUnitSchema = z.enum(MONEY_UNITS as [MoneyUnit, ...MoneyUnit[]]).default('万元');

/**
 * 数据集: one department, one fiscal year. Raw facts only, plus the figures the report states (`declared`);
 * everything else is derived. Amounts are written in `unit` and held as exact fen.
 */
export function datasetSchema(unit: MoneyUnit) {
  return z.strictObject({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION).default(CURRENT_SCHEMA_VERSION),
    kind: z.enum(DOCUMENT_KINDS).default('report').meta({
      description:
        '文档类型：report=自评报告（缺省），departmentForm=部门整体自评表，projectForm=项目自评表，finalAccounts=决算说明；决定哪些部分必填',
    }),
    fiscalYear: z.int().min(2000).max(2100).meta({ description: '预算年度' }),
    unit: moneyUnitSchema.meta({ description: '金额单位：万元（默认）或 元' }),
    rulePack: textSchema('name').optional().meta({ description: '评分规则包名称（缺省为 national）' }),
    department: departmentSchema.meta({ description: '一、部门（单位）基本情况' }),
    income: incomeSchema(unit)
      .optional()
      .meta({ description: '收入：实际预算收入（按来源）、年初结转与预算调整（自评报告必填）' }),
    basicExpenditure: basicExpenditureSchema(unit)
      .optional()
      .meta({ description: '基本支出：预算、决算、明细与“三公”经费（自评报告必填）' }),
    projects: listSchema(projectSchema(unit), 'projects').default([]).meta({ description: '项目（专项）支出' }),
    projectExpenditure: projectExpenditureSchema(unit).optional().meta({ description: '项目支出明细（按经济分类）' }),
    paymentProgress: paymentProgressSchema(unit).optional().meta({ description: '支付进度（按月末或季度末）' }),
    priorYear: priorYearSchema(unit).optional().meta({ description: '上年数：用于增减额、增减率、变动率' }),
    management: managementSchema(unit)
      .optional()
      .meta({ description: '管理指标的原始数：公用经费预算、政府采购预算与实际' }),
    forms: listSchema(formTableSchema(unit), 'projects')
      .default([])
      .meta({ description: '自评表（照表）：部门整体自评表、各项目支出绩效自评表；自评报告中作为附件' }),
    indicators: indicatorsSchema,
    selfEvaluation: selfEvaluationSchema,
    declared: declaredSchema(unit)
      .default({})
      .meta({ description: '报告陈述数：报告中写明的合计、占比、执行率等，用于核对' }),
    narrative: narrativeSchema.default(() => narrativeSchema.parse({})).meta({ description: '文字部分' }),
  });
}

export type Dataset = z.output<ReturnType<typeof datasetSchema>>;
export type DatasetInput = z.input<ReturnType<typeof datasetSchema>>;
export type Project = Dataset['projects'][number];
export type ExpenditureLine = BasicExpenditure['lines'][number];
export type Indicator = Dataset['indicators'][number];
export type Income = NonNullable<Dataset['income']>;
export type BasicExpenditure = NonNullable<Dataset['basicExpenditure']>;
export type PriorYear = NonNullable<Dataset['priorYear']>;
export type PaymentProgress = NonNullable<Dataset['paymentProgress']>;
