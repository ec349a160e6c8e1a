import { z } from 'zod';
import { listSchema, pointsTextSchema, quantityTextSchema, textSchema } from './primitives.js';

/** 一级指标. */
export const LEVEL1 = ['产出', '效益', '满意度'] as const;
/** 二级指标, by level 1. */
export const LEVEL2: Readonly<Record<(typeof LEVEL1)[number], readonly string[]>> = {
  产出: ['数量', '质量', '时效', '成本'],
  效益: ['经济', '社会', '生态', '可持续影响'],
  满意度: ['服务对象满意度'],
};
/** 指标性质. */
export const DIRECTIONS = ['≥', '≤', '=', '定性'] as const;
/** 定性指标 achievement levels. */
export const ACHIEVEMENTS = ['达成', '部分达成', '未达成'] as const;

/** A level-3 performance indicator (三级指标). */
export const indicatorSchema = z.strictObject({
  level1: z.enum(LEVEL1).meta({ description: '一级指标' }),
  level2: textSchema('name').min(1).meta({ description: '二级指标，如 数量、质量、时效、成本、社会、服务对象满意度' }),
  name: textSchema('name').min(1).meta({ description: '三级指标名称' }),
  project: textSchema('name').optional().meta({ description: '所属项目名称；缺省为部门整体指标' }),
  direction: z.enum(DIRECTIONS).meta({ description: '指标性质：≥、≤、=、定性' }),
  target: quantityTextSchema.optional().meta({ description: '年度指标值（定量）' }),
  targetText: textSchema('note').optional().meta({ description: '年度指标值（定性描述）' }),
  unit: textSchema('name').optional().meta({ description: '度量单位' }),
  actual: quantityTextSchema.optional().meta({ description: '实际完成值（定量）' }),
  achievement: z.enum(ACHIEVEMENTS).optional().meta({ description: '定性指标完成程度' }),
  evidence: textSchema('note').optional().meta({ description: '定性指标的完成依据' }),
  weight: pointsTextSchema.meta({ description: '分值（非负，最多 2 位小数）' }),
  declaredScore: pointsTextSchema.optional().meta({ description: '自评表所填得分（用于核对）' }),
  deviationReason: textSchema('note').optional().meta({ description: '偏差原因分析及改进措施' }),
  targetAssumed: z.boolean().default(false).meta({ description: '目标值系据报告推定（原报告未列）' }),
});

export const indicatorsSchema = listSchema(indicatorSchema, 'indicators')
  .default([])
  .meta({ description: '绩效指标（三级）' });

/** 年度总体目标 and 实际完成情况, one row each, as the 自评表 states them. */
export const annualTargetSchema = z.strictObject({
  target: textSchema('note').min(1).meta({ description: '年度总体目标（预期目标）' }),
  actual: textSchema('note').min(1).meta({ description: '实际完成情况' }),
});

/**
 * 自评表 facts that are not indicators: overall targets, the explanation a low execution rate needs, and
 * the scores the form itself states (checked against the computed ones).
 */
export const selfEvaluationSchema = z
  .strictObject({
    annualTargets: listSchema(annualTargetSchema, 'departmentItems')
      .default([])
      .meta({ description: '年度总体目标完成情况' }),
    executionExplanation: textSchema('note').optional().meta({ description: '预算执行率偏低的原因说明' }),
    declaredExecutionScore: pointsTextSchema.optional().meta({ description: '自评表所填预算执行率得分' }),
    declaredTotal: pointsTextSchema.optional().meta({ description: '自评表所填总分' }),
    declaredGrade: z.enum(['优', '良', '中', '差']).optional().meta({ description: '自评表所填等级' }),
  })
  .default(() => ({ annualTargets: [] }))
  .meta({ description: '部门整体支出绩效自评表（指标以外的部分）' });
