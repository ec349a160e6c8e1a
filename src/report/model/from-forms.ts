import type { FormEvaluation } from '../../domain/forms/evaluate-forms.js';
import type { MoneyUnit } from '../../domain/money/index.js';
import type { FormTableAnnex } from './extensions.js';
import { formReportTable } from './form-report-table.js';

/** Adapts the scored 自评表 of a dataset to the report: each as the table the province prints. */
export function fromForms(forms: readonly FormEvaluation[], unit: MoneyUnit, fiscalYear: number): FormTableAnnex[] {
  return forms.map((evaluation) => {
    const title = evaluation.score.convention.title;
    return {
      name: evaluation.form.name,
      title,
      table: formReportTable(evaluation, unit, `（${fiscalYear}年度）${title}`),
    };
  });
}
