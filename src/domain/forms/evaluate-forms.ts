// Source: standards.md §6 and issue 10 items 3 and 7: each 自评表 scored under the pack's form conventions, with
// the slips real forms show. A project table's score is its own, never part of the department's.
import type { FormTable } from '../dataset/form-table.js';
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';
import { parsePoints, sumPoints, type Points } from '../scoring/points.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { at, finding, pointsDiffer, pts, type FormPlace } from './form-finding.js';
import { fundsFindings, wrongTotalRate } from './funds-findings.js';
import { indicatorFindings } from './indicator-findings.js';
import { reportCrossCheck } from './report-cross-check.js';
import { scoreForm, type FormScore } from './score-form.js';
import { templateFindings } from './template-findings.js';

/** One 自评表 of the dataset, scored: `index` in `dataset.forms`. */
export type FormEvaluation = { index: number; form: FormTable; score: FormScore; findings: Finding[] };

/** The funds score and the indicator scores as printed, when every one of them is printed. */
function printedParts(form: FormTable): Points[] | null {
  const parts: (Points | null)[] = form.indicators.map((i) =>
    i.declaredScore === undefined ? null : parsePoints(i.declaredScore),
  );
  const funds = form.funds;
  if (funds !== undefined) {
    const total = funds.declaredTotal?.score;
    const rows = funds.rows.map((r) => (r.declaredScore === undefined ? null : parsePoints(r.declaredScore)));
    if (total !== undefined) parts.push(parsePoints(total));
    else if (rows.length > 0 && rows.every((r) => r !== null)) parts.push(sumPoints(rows));
    else parts.push(null);
  }
  return parts.every((p) => p !== null) ? parts : null;
}

function totalFindings(form: FormTable, score: FormScore, place: FormPlace): Finding[] {
  const out: Finding[] = [];
  const declared = form.declaredTotal === undefined ? null : parsePoints(form.declaredTotal);
  const parts = printedParts(form);
  const path = at(place, 'declaredTotal');
  // An indicator whose actual cannot be read (FORM_INDICATOR_UNREADABLE) leaves the computed total unknown: the
  // printed total and grade are then not called wrong.
  const knowable = score.complete && !score.indicators.some((i) => i.incomplete);
  if (declared !== null && parts !== null && parts.length > 0 && pointsDiffer(declared, sumPoints(parts))) {
    const sum = sumPoints(parts);
    const message = `“${place.name}”总分填 ${pts(declared)}，表中各项得分之和为 ${pts(sum)}。`;
    out.push(finding('error', 'FORM_TOTAL_NOT_SUM', message, path, { declared: pts(declared), sum: pts(sum) }));
  } else if (declared !== null && knowable && pointsDiffer(declared, score.total)) {
    const message = `“${place.name}”总分填 ${pts(declared)}，按规则计算为 ${pts(score.total)}：${score.totalExplanation.text}`;
    out.push(
      finding('error', 'FORM_DECLARED_SCORE_MISMATCH', message, path, {
        declared: pts(declared),
        computed: pts(score.total),
      }),
    );
  }
  if (form.declaredGrade !== undefined && knowable && form.declaredGrade !== score.grade) {
    const message = `“${place.name}”等级填“${form.declaredGrade}”，按总分 ${pts(score.total)} 应为“${score.grade}”。`;
    out.push(
      finding('error', 'FORM_DECLARED_GRADE_MISMATCH', message, at(place, 'declaredGrade'), {
        declared: form.declaredGrade,
        computed: score.grade,
      }),
    );
  }
  return out;
}

function conventionFinding(score: FormScore, pack: RulePack, place: FormPlace): Finding[] {
  if (!score.conventionDerived) return [];
  const message = `规则包 ${pack.name} 未规定${score.convention.title}的表式，“${place.name}”按其报告分值与执行率口径计分。`;
  return [finding('info', 'FORM_CONVENTION_ASSUMED', message, at(place))];
}

/** Scores one table and lists its findings, with paths into `forms[index]`. */
export function evaluateForm(form: FormTable, index: number, pack: RulePack, unit: Dataset['unit']): FormEvaluation {
  const place: FormPlace = { index, name: form.name, unit };
  const score = scoreForm(form, pack, unit);
  const findings = [
    ...conventionFinding(score, pack, place),
    ...templateFindings(form, place),
    ...fundsFindings(form, score, place),
    ...indicatorFindings(form, score, place, wrongTotalRate(form, score, place)),
    ...totalFindings(form, score, place),
  ];
  return { index, form, score, findings };
}

/**
 * Every 自评表 of the dataset (`dataset.forms`) under `pack`: scores with explanations, and the findings of each.
 * Pure. `figures` are the dataset's own (from selfEvaluate): a report's 部门整体自评表 is checked against them.
 */
export function evaluateForms(
  dataset: Dataset,
  pack: RulePack,
  figures: Figures,
): { forms: FormEvaluation[]; findings: Finding[] } {
  const forms = dataset.forms.map((form, index) => {
    const evaluation = evaluateForm(form, index, pack, dataset.unit);
    const place: FormPlace = { index, name: form.name, unit: dataset.unit };
    const cross = reportCrossCheck(dataset, figures, evaluation.score, place);
    return cross.length === 0 ? evaluation : { ...evaluation, findings: [...evaluation.findings, ...cross] };
  });
  return { forms, findings: forms.flatMap((f) => f.findings) };
}
