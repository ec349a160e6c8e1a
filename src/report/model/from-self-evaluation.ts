import type { MoneyUnit } from '../../domain/money/index.js';
import { formatPoints, sumPoints, type Points } from '../../domain/scoring/points.js';
import { keptProblemTexts } from '../../domain/problems/problem-reviews.js';
import type { SelfEvaluation } from '../../domain/self-evaluation-table/self-evaluate.js';
import type { SelfEvaluationTable } from '../../domain/self-evaluation-table/self-evaluation-table.js';
import type { ReportProblem, SelfEvaluationAnnex } from './extensions.js';
import { amountCell, percentPhrase } from './format.js';
import type { ReportTable } from './types.js';

const pts = (value: Points | null): string => (value === null ? '' : formatPoints(value));

/** 年度资金 block: 年初预算 / 全年预算 / 全年执行数 / 执行率 / 分值 / 得分. */
function fundsTable(table: SelfEvaluationTable, unit: MoneyUnit): ReportTable {
  return {
    caption: `年度资金（单位：${unit}；执行率按${table.funds.basisLabel}）`,
    header: ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
    rows: table.funds.rows.map((r) => [
      r.label,
      amountCell(r.yearStartBudget, unit),
      amountCell(r.fullYearBudget, unit),
      amountCell(r.executed, unit),
      percentPhrase(r.rate),
      pts(r.weight),
      pts(r.score),
    ]),
    numericColumns: [1, 2, 3, 4, 5, 6],
    widths: [2, 1.3, 1.3, 1.3, 1, 0.8, 0.8],
  };
}

/** 绩效指标 grid with 一级指标小计 and 总分. */
function indicatorsTable(table: SelfEvaluationTable): ReportTable {
  return {
    caption: '绩效指标',
    header: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    rows: [
      ...table.indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        `${i.target}${i.targetAssumed ? '（推定）' : ''}`,
        i.actual,
        pts(i.weight),
        pts(i.score),
        i.deviationReason,
      ]),
      ...table.funds.rows.flatMap((r) =>
        r.weight === null ? [] : [['预算执行率', '', '', '', '', pts(r.weight), pts(r.score), '']],
      ),
      ...table.levels.map((l) => [`${l.level1}小计`, '', '', '', '', pts(l.weight), pts(l.score), '']),
    ],
    totalRow: [
      '总分',
      '',
      '',
      '',
      '',
      // 总分 covers the execution weight (funds block) as well as the indicator levels: 10 + 50 + 30 + 10 = 100.
      pts(
        sumPoints([
          ...table.funds.rows.flatMap((r) => (r.weight === null ? [] : [r.weight])),
          ...table.levels.map((l) => l.weight),
        ]),
      ),
      pts(table.total),
      `自评等级：${table.grade}`,
    ],
    numericColumns: [5, 6],
    widths: [0.9, 0.9, 2.2, 1.4, 1.4, 1, 1, 2.2],
  };
}

/** Adapts issue 3's 绩效自评结果 to the report: drafted problems for section 四 and the 自评表 annex. */
export function fromSelfEvaluation(
  evaluation: SelfEvaluation,
  unit: MoneyUnit,
): { problems: ReportProblem[]; selfEvaluation: SelfEvaluationAnnex } {
  const table = evaluation.table;
  return {
    problems: keptProblemTexts(evaluation.reviewedProblems).map((text) => ({ text, origin: 'drafted' })),
    selfEvaluation: {
      title: table.title,
      tables: [fundsTable(table, unit), indicatorsTable(table)],
      notes: [
        `评分规则：${table.pack.title}（${table.pack.source}）。`,
        table.funds.explanation,
        table.totalExplanation,
      ].filter((t) => t.trim() !== ''),
    },
  };
}
