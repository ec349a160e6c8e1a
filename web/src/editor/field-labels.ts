import { AMOUNT_FIGURES, PERCENT_FIGURES } from '../../../src/domain/figures/catalog.js';
import type { DocPath } from './document.js';
import { PART_TABS, tabOfPath } from './parts.js';

/**
 * 字段名称: where a JSON path points, in words ("项目 · 第 2 行 · 实际支出"), for the lists that link to fields
 * (findings, review comments, conflicts). People read this; the path itself is for programs. Keyed by the
 * path with every row index as `*`; the labels are those the editor's fields carry.
 */
const LABELS: Readonly<Record<string, string>> = {
  fiscalYear: '年度',
  unit: '金额单位',
  rulePack: '评分规则',
  department: '部门信息',
  'department.name': '部门名称',
  'department.shortName': '简称',
  'department.kind': '机构性质',
  'department.level': '机构规格',
  'department.code': '预算编码',
  'department.parent': '上级部门',
  'department.financeBureau': '批复预算的财政部门',
  'department.contact': '联系人',
  'department.intro': '概述',
  'department.functions': '主要职责',
  'department.internalUnits': '内设机构',
  'department.internalUnits.*.name': '机构名称',
  'department.internalUnits.*.kind': '机构类别',
  'department.budgetScope.units': '预算单位',
  'department.budgetScope.note': '预算范围说明',
  'department.staffing': '人员编制',
  'department.staffing.authorizedPosts': '编制',
  'department.staffing.authorizedPosts.*.kind': '编制类型',
  'department.staffing.authorizedPosts.*.count': '编制数',
  'department.staffing.inPost': '实有人数',
  'department.staffing.recruitedTalent': '引进人才',
  'department.staffing.hiredStaff': '聘用人员',
  'department.staffing.dispatchedWorkers': '劳务派遣',
  'department.staffing.retirees': '离退休人员',
  income: '收入',
  'income.sources': '收入来源',
  'income.sources.*.source': '收入来源',
  'income.sources.*.basic': '基本支出收入',
  'income.sources.*.project': '项目支出收入',
  'income.adjustments': '预算调整',
  'income.adjustments.*.part': '口径',
  'income.adjustments.*.amount': '调整金额',
  'income.adjustments.*.date': '调整日期',
  'income.adjustments.*.note': '说明',
  basicExpenditure: '基本支出',
  'basicExpenditure.yearStartBudget': '基本支出年初预算数',
  'basicExpenditure.actual': '基本支出实际支出数',
  'basicExpenditure.carriedForward': '基本支出结转结余',
  'basicExpenditure.lines': '基本支出明细',
  'basicExpenditure.lines.*.code': '经济分类科目',
  'basicExpenditure.lines.*.label': '名称',
  'basicExpenditure.lines.*.amount': '金额',
  'basicExpenditure.linesNote': '明细表备注',
  'basicExpenditure.threePublic': '三公经费',
  'basicExpenditure.threePublic.overseasTravel': '因公出国（境）费',
  'basicExpenditure.threePublic.vehiclePurchase': '公务用车购置费',
  'basicExpenditure.threePublic.vehicleOperation': '公务用车运行维护费',
  'basicExpenditure.threePublic.reception': '公务接待费',
  projects: '项目',
  'projects.*.name': '项目名称',
  'projects.*.yearStartBudget': '年初预算',
  'projects.*.actual': '实际支出',
  'projects.*.declared': '报告所述',
  'projects.*.declared.executionRate': '报告所述执行率',
  'projects.*.returnedToTreasury': '上缴财政',
  'projects.*.carriedForward': '结转结余',
  'projects.*.note': '项目说明',
  'projects.*.isNew': '本年度新增专项',
  'projects.*.supplementaryAppropriations': '追加',
  'projects.*.supplementaryAppropriations.*.amount': '追加金额',
  'projects.*.supplementaryAppropriations.*.date': '下达日期',
  'projects.*.supplementaryAppropriations.*.note': '说明',
  projectExpenditure: '项目支出明细',
  'projectExpenditure.lines': '项目支出明细',
  'projectExpenditure.lines.*.code': '经济分类科目',
  'projectExpenditure.lines.*.label': '名称',
  'projectExpenditure.lines.*.amount': '金额',
  paymentProgress: '支付进度',
  'paymentProgress.scope': '统计口径',
  'paymentProgress.base': '进度分母',
  'paymentProgress.points': '各月支付进度',
  'paymentProgress.points.*.month': '月份',
  'paymentProgress.points.*.cumulativePaid': '累计支付金额',
  'paymentProgress.points.*.cumulativePercent': '累计支付进度',
  indicators: '绩效指标',
  'indicators.*.level1': '一级指标',
  'indicators.*.level2': '二级指标',
  'indicators.*.name': '三级指标',
  'indicators.*.direction': '指标性质',
  'indicators.*.target': '目标值',
  'indicators.*.targetText': '定性目标',
  'indicators.*.unit': '单位',
  'indicators.*.actual': '实际值',
  'indicators.*.weight': '分值',
  'indicators.*.project': '所属项目',
  'indicators.*.achievement': '完成程度',
  'indicators.*.evidence': '完成依据',
  'indicators.*.deviationReason': '偏差原因',
  'indicators.*.declaredScore': '所填得分',
  'indicators.*.targetAssumed': '目标值系推定',
  selfEvaluation: '自评表',
  'selfEvaluation.annualTargets': '年度总体目标',
  'selfEvaluation.annualTargets.*.target': '年度总体目标',
  'selfEvaluation.annualTargets.*.actual': '实际完成情况',
  'selfEvaluation.executionExplanation': '预算执行率偏低的原因说明',
  'selfEvaluation.declaredExecutionScore': '所填执行率得分',
  'selfEvaluation.declaredTotal': '所填总分',
  'selfEvaluation.declaredGrade': '所填等级',
  narrative: '文字部分',
  'narrative.budgetOverview': '部门整体预算支出情况',
  'narrative.projectOverview': '项目支出情况',
  'narrative.fundManagement': '资金管理情况',
  'narrative.achievementsIntro': '绩效情况总述',
  'narrative.problems': '存在的问题及原因分析',
  'narrative.measures': '下一步改进措施',
  'narrative.resultsUse': '绩效自评结果拟应用和公开情况',
  'narrative.other': '其他需要说明的情况',
  'narrative.problemReviews': '问题审阅',
  'narrative.problemReviews.*.key': '问题',
  'narrative.problemReviews.*.decision': '审阅结论',
  'narrative.problemReviews.*.text': '修改后的文字',
  'narrative.achievements': '绩效情况',
  'narrative.achievements.*.heading': '标题',
  'narrative.achievements.*.paragraphs': '段落',
  'narrative.achievements.*.subsections.*.heading': '小标题',
  'narrative.achievements.*.subsections.*.paragraphs': '段落',
  declared: '报告陈述数',
  ...Object.fromEntries(
    Object.entries({ ...AMOUNT_FIGURES, ...PERCENT_FIGURES }).map(([k, v]) => [`declared.${k}`, v]),
  ),
};

const patternOf = (path: DocPath): string => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** The label of the field at `path`, else of its nearest labelled parent. */
export function labelOf(path: DocPath): string | undefined {
  for (let length = path.length; length > 0; length -= 1) {
    const label = LABELS[patternOf(path.slice(0, length))];
    if (label !== undefined) return label;
  }
  return undefined;
}

/** "项目 · 第 2 行 · 实际支出": the page, the row numbers (from 1) and the field. */
export function describePath(path: DocPath): string {
  const tab = PART_TABS.find((t) => t.key === tabOfPath(path))?.label ?? '';
  const rows = path.filter((p): p is number => typeof p === 'number').map((i) => `第 ${i + 1} 行`);
  const label = labelOf(path);
  return [tab, ...rows, ...(label === undefined || label === tab ? [] : [label])].join(' · ');
}
