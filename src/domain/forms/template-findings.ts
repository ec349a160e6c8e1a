// Source: standards.md §6: templates published unfilled — prompts left in ("XXX", "请填写", "（填写…）", "……").
// Edge cases: only text cells are searched; a blank cell is found by the indicator and funds checks, not here.
import type { FormTable } from '../dataset/form-table.js';
import type { FieldPath, Finding } from '../findings/finding.js';
import { at, finding, type FormPlace } from './form-finding.js';

/** Placeholder text a template leaves for the filler. */
const PROMPT = /[XxＸｘ×]{2,}|请填写|请输入|请在此|填写说明|[（(【][^）)】]*填写[^）)】]*[）)】]|…{2,}|\.{6,}|。{3,}/;

function texts(form: FormTable): [FieldPath, string][] {
  const out: [FieldPath, string][] = [['name'], ['code'], ['department'], ['implementer']].flatMap(
    ([key]): [FieldPath, string][] => {
      const value = form[key as 'name' | 'code' | 'department' | 'implementer'];
      return value === undefined ? [] : [[[key as string], value]];
    },
  );
  form.annualTargets.forEach((t, i) => {
    out.push([['annualTargets', i, 'target'], t.target]);
    if (t.actual !== undefined) out.push([['annualTargets', i, 'actual'], t.actual]);
  });
  form.indicators.forEach((ind, i) => {
    for (const key of ['level1', 'level2', 'name', 'target', 'actual', 'deviationReason'] as const) {
      const value = ind[key];
      if (value !== undefined) out.push([['indicators', i, key], value]);
    }
  });
  form.funds?.rows.forEach((r, i) => out.push([['funds', 'rows', i, 'source'], r.source]));
  if (form.funds?.adjustmentReason !== undefined)
    out.push([['funds', 'adjustmentReason'], form.funds.adjustmentReason]);
  return out;
}

/** Template prompts left in, and 年度总体目标 rows without 实际完成情况. */
export function templateFindings(form: FormTable, place: FormPlace): Finding[] {
  const out: Finding[] = [];
  for (const [path, text] of texts(form)) {
    const found = PROMPT.exec(text);
    if (found === null) continue;
    const message = `“${place.name}”中仍有模板提示文字“${found[0]}”，请按实际情况填写。`;
    out.push(finding('error', 'FORM_TEMPLATE_TEXT', message, at(place, ...path), { text: found[0] }));
  }
  form.annualTargets.forEach((t, i) => {
    if ((t.actual ?? '').trim() !== '') return;
    const message = `“${place.name}”年度总体目标第 ${i + 1} 项未填实际完成情况。`;
    out.push(finding('warning', 'FORM_CELL_BLANK', message, at(place, 'annualTargets', i, 'actual')));
  });
  return out;
}
