// Source: standards.md §5 (checks that cross tables) and §6 ("a denominator taken from outside the table"): a
// narrative report's 部门整体自评表 spends what the report says the department spent. Edge cases: only a report
// (`kind: report`) has its own expenditure; a form that prints no 全年执行数 is not compared.
import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';
import { amountsDiffer, amt, at, finding, type FormPlace } from './form-finding.js';
import type { FormScore } from './score-form.js';

/** The department table's 全年执行数 against the report's 支出决算数. */
export function reportCrossCheck(dataset: Dataset, figures: Figures, score: FormScore, place: FormPlace): Finding[] {
  const spent = score.funds?.total.actual ?? null;
  if (dataset.kind !== 'report' || score.scope !== 'department' || spent === null) return [];
  const reported = figures.amounts.expenditureTotal;
  if (!amountsDiffer(spent, reported.value, reported.parts, place.unit)) return [];
  const message = `“${place.name}”全年执行数 ${amt(spent, place.unit)}，与报告的支出决算数 ${amt(reported.value, place.unit)} 不符。`;
  return [
    finding('warning', 'FORM_DIFFERS_FROM_REPORT', message, at(place, 'funds'), {
      form: amt(spent, place.unit),
      report: amt(reported.value, place.unit),
    }),
  ];
}
