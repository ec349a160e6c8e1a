/**
 * Extension points for what other parts of Jixiao draft (issue 3: 问题草拟 and 自评表评分). The report takes them in
 * these plain shapes, so it does not depend on how they are computed; an adapter maps the domain's types here.
 */
import type { ReportTable } from './types.js';

/** 存在的问题: one problem paragraph for section 四, drafted by Jixiao (and accepted or edited) or written by the user. */
export type ReportProblem = { text: string; origin: 'drafted' | 'user' };

/** 部门整体支出绩效自评表 as an annex: finished tables (funds, indicators) plus notes such as the grade. */
export type SelfEvaluationAnnex = { title: string; tables: readonly ReportTable[]; notes: readonly string[] };

/**
 * 自评表 as printed (项目支出绩效自评表, 部门整体支出绩效自评表): the whole form as one table. `title` is the form's
 * own ("项目支出绩效自评表"), `name` the project's or department's; the table's caption carries the year.
 */
export type FormTableAnnex = { name: string; title: string; table: ReportTable };
