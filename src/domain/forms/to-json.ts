import { amountToWire, percentToWire, type Fen, type MoneyUnit } from '../money/index.js';
import { formatPoints, type Points } from '../scoring/points.js';
import type { Explanation } from '../scoring/explanation.js';
import type { FormEvaluation } from './evaluate-forms.js';
import type { FundsLine } from './funds-block.js';
import type { FormIndicatorScore } from './score-form-indicator.js';

/** Every 自评表 as JSON (`forms` of `jixiao score / compute / check --json`): points "9.64", rates "96.43", amounts "578.60". */
export type FormsJson = ReturnType<typeof formsToJson>;

const pts = (value: Points | null): string | null => (value === null ? null : formatPoints(value));
const detail = (e: Explanation) => ({ rule: e.rule, formula: e.formula, inputs: e.inputs, pack: e.pack });

function lineJson(line: FundsLine, unit: MoneyUnit) {
  const amt = (value: Fen | null): string | null => (value === null ? null : amountToWire(value, unit));
  return {
    index: line.index,
    source: line.source,
    yearStartBudget: amt(line.yearStartBudget),
    fullYearBudget: amt(line.fullYearBudget),
    actual: amt(line.actual),
    basis: line.basis,
    budget: amt(line.budget),
    rate: percentToWire(line.rate),
    share: percentToWire(line.share),
    zeroOverZero: line.zeroOverZero,
    weight: pts(line.weight),
    score: pts(line.score),
    declaredRate: percentToWire(line.declaredRate),
    declaredScore: pts(line.declaredScore),
    declaredShare: percentToWire(line.declaredShare),
    explanation: line.explanation?.text ?? null,
  };
}

function indicatorJson(s: FormIndicatorScore) {
  const ind = s.indicator;
  return {
    index: s.index,
    level1: ind.level1,
    level2: ind.level2 ?? null,
    name: ind.name,
    target: ind.target ?? null,
    actual: ind.actual ?? null,
    direction: s.direction,
    link: s.link,
    scoredActual: s.scoredActual,
    achievement: s.achievement,
    weight: formatPoints(s.weight),
    formulaScore: formatPoints(s.formulaScore),
    penalty: formatPoints(s.penalty),
    score: formatPoints(s.score),
    declaredScore: pts(s.declaredScore),
    overAchievement: percentToWire(s.overAchievement),
    incomplete: s.incomplete,
    deviationReason: ind.deviationReason ?? null,
    explanation: s.explanation.text,
    explanationDetail: detail(s.explanation),
  };
}

/** One scored 自评表 as JSON; findings are in the caller's `findings` (paths `forms[index]…`). */
function formJson(evaluation: FormEvaluation, unit: MoneyUnit) {
  const { form, score } = evaluation;
  const funds = score.funds;
  return {
    index: evaluation.index,
    scope: form.scope,
    title: score.convention.title,
    name: form.name,
    code: form.code ?? null,
    department: form.department ?? null,
    implementer: form.implementer ?? null,
    conventionDerived: score.conventionDerived,
    funds:
      funds === null
        ? null
        : {
            columns: funds.columns,
            rows: funds.rows.map((r) => lineJson(r, unit)),
            total: lineJson(funds.total, unit),
            score: pts(funds.score),
            adjustmentReason: form.funds?.adjustmentReason ?? null,
          },
    annualTargets: form.annualTargets.map((t) => ({ target: t.target, actual: t.actual ?? null })),
    indicators: score.indicators.map(indicatorJson),
    levels: score.levels.map((l) => ({
      name: l.name,
      packWeight: pts(l.packWeight),
      indicatorWeight: formatPoints(l.indicatorWeight),
      score: formatPoints(l.score),
    })),
    subtotal: formatPoints(score.subtotal),
    total: formatPoints(score.total),
    grade: score.grade,
    complete: score.complete,
    declaredTotal: form.declaredTotal ?? null,
    declaredGrade: form.declaredGrade ?? null,
    totalExplanation: score.totalExplanation.text,
    findingCount: evaluation.findings.length,
  };
}

export function formsToJson(forms: readonly FormEvaluation[], unit: MoneyUnit) {
  return forms.map((f) => formJson(f, unit));
}
