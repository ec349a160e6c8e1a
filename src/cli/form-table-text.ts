import type { FormEvaluation } from '../domain/forms/evaluate-forms.js';
import { FORM_BASIS_LABEL, type FundsEvaluation, type FundsLine } from '../domain/forms/funds-block.js';
import { formatAmount, type Fen, type MoneyUnit } from '../domain/money/index.js';
import { formatPoints, parsePoints, type Points } from '../domain/scoring/points.js';
import { padDisplay, percentCell } from './output.js';

const pts = (value: Points | null): string => (value === null ? '—' : formatPoints(value));

type AmountColumn = 'yearStartBudget' | 'fullYearBudget' | 'actual';
const AMOUNT_COLUMNS: readonly (readonly [AmountColumn, string])[] = [
  ['yearStartBudget', '年初预算数'],
  ['fullYearBudget', '全年预算数'],
  ['actual', '全年执行数'],
];

/** A computed score, with what the form printed when that differs. */
function scoreCell(score: Points | null, declared: Points | null): string {
  if (declared === null || score === null || declared === score) return pts(score);
  return `${pts(score)}（表填 ${formatPoints(declared)}）`;
}

function fundsLines(funds: FundsEvaluation, unit: MoneyUnit, scope: FormEvaluation['form']['scope']): string[] {
  const columns = AMOUNT_COLUMNS.filter(([key]) => funds.columns[key]);
  const amount = (value: Fen | null) => (value === null ? '—' : formatAmount(value, unit));
  const header = `${padDisplay('', 24)}${columns.map(([, label]) => padDisplay(label, 12)).join('')}${padDisplay('分值', 8)}${padDisplay('执行率', 10)}得分`;
  const line = (l: FundsLine, label: string) =>
    `${padDisplay(label, 24)}${columns.map(([key]) => padDisplay(amount(l[key]), 12)).join('')}` +
    `${padDisplay(pts(l.weight), 8)}${padDisplay(percentCell(l.rate), 10)}${scoreCell(l.score, l.declaredScore)}`;
  const explained = [funds.total, ...funds.rows].flatMap((l) => (l.explanation === null ? [] : [l.explanation.text]));
  return [
    `${scope === 'project' ? '项目资金' : '部门资金'}（金额单位：${unit}；执行率按${FORM_BASIS_LABEL[funds.total.basis]}）`,
    header,
    line(funds.total, '年度资金总额'),
    ...funds.rows.map((r, i) => line(r, i === 0 ? `其中：${r.source}` : r.source)),
    ...explained.map((text) => `  说明：${text}`),
  ];
}

function indicatorLines(evaluation: FormEvaluation): string[] {
  const out = ['绩效指标（一级 / 二级 / 三级指标：年度指标值 → 实际完成值，分值，得分）'];
  for (const s of evaluation.score.indicators) {
    const ind = s.indicator;
    const levels = [ind.level1, ind.level2, ind.name].filter((t) => t !== undefined && t !== '').join(' / ');
    const scored = s.scoredActual !== null && s.scoredActual !== ind.actual ? `（按 ${s.scoredActual} 计分）` : '';
    out.push(
      `  ${levels}：${ind.target ?? '—'} → ${ind.actual ?? '—'}${scored}，分值 ${formatPoints(s.weight)}，得分 ${scoreCell(s.score, s.declaredScore)}`,
    );
    out.push(`      说明：${s.explanation.text}`);
    if (ind.deviationReason !== undefined && ind.deviationReason !== '')
      out.push(`      偏差原因：${ind.deviationReason}`);
  }
  const levels = evaluation.score.levels.filter((l) => l.packWeight !== null || l.indicatorWeight > 0n);
  out.push(
    `  小计：${levels.map((l) => `${l.name} ${formatPoints(l.score)}/${formatPoints(l.packWeight ?? l.indicatorWeight)}`).join('，')}`,
  );
  return out;
}

/** One 自评表 as the form prints it, with Jixiao's scores (and the printed ones where they differ). */
export function formTableText(evaluation: FormEvaluation, unit: MoneyUnit, fiscalYear: number): string {
  const { form, score } = evaluation;
  const printedTotal = form.declaredTotal === undefined ? null : parsePoints(form.declaredTotal);
  const declaredGrade =
    form.declaredGrade === undefined || form.declaredGrade === score.grade ? '' : `（表填 ${form.declaredGrade}）`;
  const who = [
    form.department === undefined ? '' : `主管部门：${form.department}`,
    form.implementer === undefined ? '' : `实施单位：${form.implementer}`,
  ].filter((t) => t !== '');
  return [
    `（${fiscalYear}年度）${score.convention.title}`,
    `${form.scope === 'project' ? '项目名称' : '部门（单位）名称'}：${form.name}${form.code === undefined ? '' : `（编码 ${form.code}）`}`,
    ...(who.length > 0 ? [who.join('    ')] : []),
    '',
    ...(score.funds === null ? ['资金情况：表中未列'] : fundsLines(score.funds, unit, form.scope)),
    ...(form.funds?.adjustmentReason === undefined ? [] : [`  预算调整原因：${form.funds.adjustmentReason}`]),
    '',
    '年度总体目标 / 实际完成情况',
    ...(form.annualTargets.length === 0 ? ['  表中未列'] : []),
    ...form.annualTargets.flatMap((t, i) => [`  ${i + 1}. 预期目标：${t.target}`, `     实际完成：${t.actual ?? '—'}`]),
    '',
    ...indicatorLines(evaluation),
    '',
    `总分 ${scoreCell(score.total, printedTotal)}    等级 ${score.grade}${declaredGrade}`,
    `  说明：${score.totalExplanation.text}`,
  ].join('\n');
}

/** Every 自评表 of a dataset, one after another. */
export function formTablesText(forms: readonly FormEvaluation[], unit: MoneyUnit, fiscalYear: number): string {
  return forms.map((f) => formTableText(f, unit, fiscalYear)).join('\n\n');
}
