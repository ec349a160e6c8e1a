// Source: standards.md §6: total = funds score + Σ indicator scores, levels and weights as the form prints them;
// grade by the pack's bands. A project table's score is its own. Edge cases: a form without a funds block is
// scored on its indicators alone; a funds block whose basis column is not printed leaves the total incomplete.
import { formatPercent, type MoneyUnit, type Percent } from '../money/index.js';
import type { FormTable } from '../dataset/form-table.js';
import { applicableCap, capTotal, type ExecutionCap } from '../scoring/execution-cap.js';
import { explain, type Explanation } from '../scoring/explanation.js';
import { gradeFor } from '../scoring/grade.js';
import { formatPoints, sumPoints, ZERO_POINTS, type Points } from '../scoring/points.js';
import type { FormConvention, Grade, RulePack } from '../scoring/rule-pack.js';
import { evaluateFunds, type FundsEvaluation } from './funds-block.js';
import { scoreFormIndicator, type FormIndicatorScore } from './score-form-indicator.js';

/** 一级指标小计 as the form groups it; `packWeight` is null for a level the pack does not list. */
export type FormLevelScore = { name: string; packWeight: Points | null; indicatorWeight: Points; score: Points };

export type FormScore = {
  scope: FormTable['scope'];
  convention: FormConvention;
  /** True when the pack has no `forms` entry for this kind of table and its report weights were used. */
  conventionDerived: boolean;
  funds: FundsEvaluation | null;
  indicators: FormIndicatorScore[];
  levels: FormLevelScore[];
  subtotal: Points;
  cap: ExecutionCap | null;
  total: Points;
  grade: Grade;
  /** False when a part could not be scored because the form does not print what the pack's rule needs. */
  complete: boolean;
  totalExplanation: Explanation;
};

/** The pack's convention for this kind of table, or one made from its report weights and basis. */
export function conventionFor(
  pack: RulePack,
  scope: FormTable['scope'],
): { convention: FormConvention; derived: boolean } {
  const own = pack.forms?.[scope];
  if (own !== undefined) return { convention: own, derived: false };
  const { execution, 产出, 效益, 满意度 } = pack.weights;
  const convention: FormConvention = {
    title: scope === 'project' ? '项目支出绩效自评表' : '部门整体支出绩效自评表',
    total: sumPoints([execution, 产出, 效益, 满意度]),
    funds: {
      weight: execution,
      basis: pack.executionBasis,
      rule: { kind: 'proportional' },
      perRow: false,
      zeroOverZero: 'zero',
    },
    indicators: {
      layout: 'levels',
      levels: (['产出', '效益', '满意度'] as const).map((name) => ({ name, weight: pack.weights[name] })),
    },
  };
  return { convention, derived: true };
}

function levelScores(indicators: readonly FormIndicatorScore[], convention: FormConvention): FormLevelScore[] {
  const layout = convention.indicators;
  if (layout.layout === 'flat') {
    const weight = sumPoints(indicators.map((s) => s.weight));
    return [
      {
        name: '指标',
        packWeight: layout.weight,
        indicatorWeight: weight,
        score: sumPoints(indicators.map((s) => s.score)),
      },
    ];
  }
  const names = [...layout.levels.map((l) => l.name)];
  for (const s of indicators) if (!names.includes(s.indicator.level1)) names.push(s.indicator.level1);
  return names.map((name) => {
    const own = indicators.filter((s) => s.indicator.level1 === name);
    return {
      name,
      packWeight: layout.levels.find((l) => l.name === name)?.weight ?? null,
      indicatorWeight: sumPoints(own.map((s) => s.weight)),
      score: sumPoints(own.map((s) => s.score)),
    };
  });
}

function explainTotal(pack: RulePack, score: Omit<FormScore, 'totalExplanation'>): Explanation {
  const inputs: Record<string, string> = {};
  if (score.funds !== null)
    inputs['预算执行率得分'] = score.funds.score === null ? '（无法计算）' : formatPoints(score.funds.score);
  for (const l of score.levels)
    if (l.indicatorWeight > 0n || l.packWeight !== null) inputs[`${l.name}指标得分`] = formatPoints(l.score);
  const band = pack.grades.find((g) => g.grade === score.grade);
  const capped = score.cap !== null;
  const head = capped
    ? `执行率低于 ${formatPercent(score.cap?.below ?? (0n as Percent), { trimZeros: true })}%，总分最高 ${formatPoints(score.cap?.maxTotal ?? ZERO_POINTS)} 分`
    : `${score.convention.title}总分为各部分得分之和`;
  const incomplete = score.complete ? '' : '（表中未列规则所需的预算数，资金部分未计分）';
  return explain(pack, {
    rule: `${head}${incomplete}；等级 ${score.grade}（≥ ${formatPoints(band?.min ?? score.total)}）`,
    formula: capped ? '总分 = min(预算执行率得分 + Σ 指标得分, 封顶分)' : '总分 = 预算执行率得分 + Σ 指标得分',
    inputs,
    result: formatPoints(score.total),
  });
}

/** Scores one 自评表 under `pack`: funds block, each indicator, the levels, the total and the grade. */
export function scoreForm(form: FormTable, pack: RulePack, unit: MoneyUnit): FormScore {
  const { convention, derived } = conventionFor(pack, form.scope);
  const funds = form.funds === undefined ? null : evaluateFunds(form.funds, convention, pack, unit);
  const executionRate = funds?.total.rate ?? null;
  const indicators = form.indicators.map((ind, i) => scoreFormIndicator(ind, i, { pack, executionRate }));
  const levels = levelScores(indicators, convention);
  const subtotal = sumPoints([funds?.score ?? ZERO_POINTS, ...indicators.map((s) => s.score)]);
  const cap = applicableCap(executionRate, pack.addOns.executionCaps);
  const total = capTotal(subtotal, cap);
  const partial = {
    scope: form.scope,
    convention,
    conventionDerived: derived,
    funds,
    indicators,
    levels,
    subtotal,
    cap: total < subtotal ? cap : null,
    total,
    grade: gradeFor(total, pack.grades),
    complete: funds === null || funds.score !== null,
  };
  return { ...partial, totalExplanation: explainTotal(pack, partial) };
}
