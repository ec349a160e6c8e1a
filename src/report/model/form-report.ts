import type { Dataset } from '../../domain/dataset/schema.js';
import { DOCUMENT_KIND_LABELS } from '../../domain/dataset/form-table.js';
import type { FormTableAnnex } from './extensions.js';
import { chineseCount } from './format.js';
import type { ReportModel, ReportSection } from './types.js';

/** A narrative report's printed forms as annexes 附件2、附件3 … (numbered on from `first`), after its own 自评表. */
export function formsAnnexes(forms: readonly FormTableAnnex[], first: number): ReportSection[] {
  return forms.map((form, i) => ({
    id: `form-${i + 1}`,
    heading: `附件${first + i}：${form.name}${form.title}`,
    blocks: [{ kind: 'table', table: form.table }],
  }));
}

/**
 * A 项目自评表 / 部门整体自评表 dataset: the forms themselves, as the province prints them. One form is the whole
 * document (its caption becomes the title); several are numbered by name. Data-check notes follow, as in a report.
 */
export function formReportModel(
  dataset: Dataset,
  forms: readonly FormTableAnnex[],
  checkNotes: ReportSection | null,
): ReportModel {
  const [only] = forms;
  const single = forms.length === 1 && only !== undefined;
  const sections = forms.map((form, i): ReportSection => {
    const { caption, ...table } = form.table;
    return {
      id: `form-${i + 1}`,
      heading: single ? '' : `${chineseCount(i + 1)}、${form.name}`,
      blocks: [{ kind: 'table', table: single || caption === undefined ? table : { ...table, caption } }],
    };
  });
  return {
    title: single
      ? (only.table.caption ?? only.title)
      : `（${dataset.fiscalYear}年度）${DOCUMENT_KIND_LABELS[dataset.kind]}`,
    department: dataset.department.name,
    fiscalYear: dataset.fiscalYear,
    unit: dataset.unit,
    sections,
    annexes: checkNotes === null ? [] : [checkNotes],
  };
}
