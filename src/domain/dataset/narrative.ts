import { z } from 'zod';
import { listSchema, paragraphsSchema, textSchema } from './primitives.js';

/** A headed part of the achievements section, with paragraphs and optional sub-parts. */
export type NarrativeSection = { heading: string; paragraphs: string[]; subsections?: NarrativeSection[] | undefined };

/**
 * 小标题: a sub-part. The report prints two levels of headings (一、… and 1、…), so a sub-part has no sub-parts of
 * its own (NESTING_TOO_DEEP); nothing deeper is read, however deeply a file nests.
 */
const narrativeSubsectionSchema = z.strictObject({
  heading: textSchema('name').min(1).meta({ description: '小标题（不含编号）' }),
  paragraphs: paragraphsSchema.default([]),
  subsections: z
    .array(z.unknown())
    .refine((subsections) => subsections.length === 0, {
      message: '“绩效情况”最多两级标题：小标题下不能再分小标题',
      params: { code: 'NESTING_TOO_DEEP' },
    })
    .transform((): NarrativeSection[] => [])
    .optional()
    .meta({ description: '不可再分（报告只印两级标题）；须为空', maxItems: 0 }),
});

export const narrativeSectionSchema = z.strictObject({
  heading: textSchema('name').min(1).meta({ description: '标题（不含编号）' }),
  paragraphs: paragraphsSchema.default([]),
  subsections: listSchema(narrativeSubsectionSchema, 'sections').optional().meta({ description: '小标题（第二级）' }),
}) satisfies z.ZodType<NarrativeSection>;

/** 问题审阅: what the user decided about one problem Jixiao drafted (by its key, as `jixiao score` prints it). */
export const problemReviewSchema = z
  .strictObject({
    key: textSchema('name')
      .min(1)
      .meta({ description: '问题标识，如 PAYMENT_PROGRESS_BEHIND:$.paymentProgress.points[0]' }),
    decision: z
      .enum(['accepted', 'edited', 'rejected'])
      .meta({ description: '采纳 accepted / 修改后采纳 edited / 不采纳 rejected' }),
    text: textSchema('paragraph').optional().meta({ description: '修改后的文字（edited 时必填）' }),
  })
  .refine((r) => r.decision !== 'edited' || (r.text ?? '').trim() !== '', {
    message: '修改后采纳的问题须填写修改后的文字',
    path: ['text'],
  });

/** 文字部分: the prose of the report that is not generated from figures. */
export const narrativeSchema = z.strictObject({
  budgetOverview: paragraphsSchema.default([]).meta({ description: '二、部门整体预算支出情况 的开头说明' }),
  projectOverview: paragraphsSchema.default([]).meta({ description: '项目支出情况 的开头说明（项目支出的用途）' }),
  fundManagement: paragraphsSchema.default([]).meta({ description: '资金管理情况（制度、考核办法等）' }),
  achievementsIntro: paragraphsSchema.default([]).meta({ description: '三、部门整体支出绩效情况 的总述' }),
  achievements: listSchema(narrativeSectionSchema, 'sections').default([]).meta({ description: '绩效情况（分标题）' }),
  problems: paragraphsSchema.default([]).meta({ description: '四、存在的问题及原因分析（用户撰写部分）' }),
  problemReviews: listSchema(problemReviewSchema, 'problemReviews')
    .default([])
    .meta({ description: '对系统草拟问题的审阅；采纳或修改后采纳的问题列入报告第四部分' }),
  measures: paragraphsSchema.default([]).meta({ description: '五、下一步改进措施' }),
  resultsUse: paragraphsSchema.default([]).meta({ description: '六、绩效自评结果拟应用和公开情况' }),
  other: paragraphsSchema.default([]).meta({ description: '七、其他需要说明的情况' }),
});
