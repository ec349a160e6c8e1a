import { formatAmount } from '../domain/money/index.js';
import type { Problem } from '../domain/problems/problem.js';
import { formatPoints, type Points } from '../domain/scoring/points.js';
import type { SelfEvaluationTable } from '../domain/self-evaluation-table/self-evaluation-table.js';
import { padDisplay, percentCell } from './output.js';

const pts = (value: Points | null): string => (value === null ? '—' : formatPoints(value));

function fundsLines(table: SelfEvaluationTable): string[] {
  const { funds, unit } = table;
  const header = `${padDisplay('', 16)}${['年初预算数', '全年预算数', '全年执行数'].map((h) => padDisplay(h, 12)).join('')}${padDisplay('分值', 8)}${padDisplay('执行率', 10)}得分`;
  const rows = funds.rows.map(
    (r) =>
      `${padDisplay(r.label, 16)}${[r.yearStartBudget, r.fullYearBudget, r.executed].map((v) => padDisplay(formatAmount(v, unit), 12)).join('')}` +
      `${padDisplay(pts(r.weight), 8)}${padDisplay(percentCell(r.rate), 10)}${pts(r.score)}`,
  );
  return [
    `一、年度资金（金额单位：${unit}；执行率按${funds.basisLabel}）`,
    header,
    ...rows,
    `  说明：${funds.explanation}`,
  ];
}

function indicatorLines(table: SelfEvaluationTable): string[] {
  const out = ['三、绩效指标（一级 / 二级 / 三级指标：年度指标值 → 实际完成值，分值，得分）'];
  for (const r of table.indicators) {
    const assumed = r.targetAssumed ? '（目标值为推定）' : '';
    out.push(
      `  ${r.level1} / ${r.level2} / ${r.name}：${r.target}${assumed} → ${r.actual}，分值 ${formatPoints(r.weight)}，得分 ${formatPoints(r.score)}`,
    );
    out.push(`      说明：${r.explanation}`);
    if (r.deviationReason !== '') out.push(`      偏差原因：${r.deviationReason}`);
  }
  out.push(
    `  小计：${table.levels.map((l) => `${l.level1} ${formatPoints(l.score)}/${formatPoints(l.weight)}`).join('，')}`,
  );
  return out;
}

/** The 自评表 and the detected problems as plain Chinese text for the terminal. */
export function selfEvaluationText(table: SelfEvaluationTable, problems: readonly Problem[]): string {
  const targets = table.annualTargets;
  return [
    table.title,
    `部门：${table.department}    规则包：${table.pack.name}（${table.pack.title}）`,
    '',
    ...fundsLines(table),
    '',
    `二、年度总体目标${targets.source === 'derived' ? '（据绩效指标归纳）' : ''}`,
    ...targets.rows.flatMap((t, i) => [`  ${i + 1}. 预期目标：${t.target}`, `     实际完成：${t.actual}`]),
    '',
    ...indicatorLines(table),
    '',
    `总分 ${formatPoints(table.total)}    等级 ${table.grade}`,
    `  说明：${table.totalExplanation}`,
    '',
    `四、存在的问题（自动识别，共 ${problems.length} 条）`,
    ...problems.map((p, i) => `  ${i + 1}. [${p.code}] ${p.message}`),
  ].join('\n');
}
