import { z } from 'zod';
import { countSchema, listSchema, paragraphsSchema, textSchema } from './primitives.js';

/** 编制: authorized posts of one kind (行政编制, 事业编制, 工勤编制…). */
export const authorizedPostsSchema = z.strictObject({
  kind: textSchema('name').min(1).meta({ description: '编制类型，如 行政编制、事业编制' }),
  count: countSchema,
});

/** 人员情况. */
export const staffingSchema = z.strictObject({
  authorizedPosts: listSchema(authorizedPostsSchema, 'kinds').meta({
    description: '编制数（按类型）；总编制数由此求和',
  }),
  inPost: countSchema.meta({ description: '在职在编人数（实有人数）' }),
  recruitedTalent: countSchema.default(0).meta({ description: '人才引进人数' }),
  hiredStaff: countSchema.default(0).meta({ description: '雇员人数' }),
  dispatchedWorkers: countSchema.default(0).meta({ description: '劳务派遣人数' }),
  retirees: countSchema.default(0).meta({ description: '退休人数' }),
});

export const internalUnitSchema = z.strictObject({
  name: textSchema('name').min(1).meta({ description: '机构名称' }),
  kind: textSchema('name').min(1).meta({ description: '机构类别，如 职能科室、二级机构' }),
});

/** 部门（单位）基本情况. */
export const departmentSchema = z.strictObject({
  name: textSchema('name').min(1).meta({ description: '部门名称（全称）' }),
  shortName: textSchema('name').optional().meta({ description: '报告中使用的简称' }),
  code: textSchema('name').optional().meta({ description: '预算编码' }),
  kind: textSchema('name').optional().meta({ description: '机构性质，如 区政府工作部门' }),
  level: textSchema('name').optional().meta({ description: '机构规格，如 正科级' }),
  parent: textSchema('name').optional().meta({ description: '上级（主管）部门或本级政府' }),
  financeBureau: textSchema('name').optional().meta({ description: '预算批复的财政部门，如 雨花区财政局' }),
  intro: paragraphsSchema.default([]).meta({ description: '职能职责前的概述段落' }),
  functions: listSchema(textSchema('note').min(1), 'departmentItems')
    .default([])
    .meta({ description: '主要职责（逐条；自评报告必填）' }),
  internalUnits: listSchema(internalUnitSchema, 'departmentItems').default([]).meta({ description: '内设机构' }),
  budgetScope: z
    .object({
      units: listSchema(textSchema('name').min(1), 'departmentItems')
        .min(1)
        .meta({ description: '纳入部门预算范围的单位' }),
      note: textSchema('note').optional().meta({ description: '说明，如 “只有本级，没有其他二级预算单位”' }),
    })
    .optional()
    .meta({ description: '纳入部门预算范围的单位（自评报告必填）' }),
  staffing: staffingSchema.optional().meta({ description: '人员情况（自评报告必填）' }),
  contact: textSchema('name').optional().meta({ description: '联系人' }),
});
