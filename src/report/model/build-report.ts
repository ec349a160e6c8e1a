import type { Dataset } from '../../domain/dataset/schema.js';
import { computeFigures, type Figures } from '../../domain/figures/compute.js';
import type { Finding } from '../../domain/findings/finding.js';
import type { FormTableAnnex, ReportProblem, SelfEvaluationAnnex } from './extensions.js';
import { finalAccountsReportModel } from './final-accounts-report.js';
import { formReportModel, formsAnnexes } from './form-report.js';
import { printedFigures } from '../../domain/figures/printed-figures.js';
import { budgetSection } from './section-budget.js';
import { departmentSection } from './section-department.js';
import { closingSections, performanceSection, problemsSection } from './sections-tail.js';
import type { ReportModel, ReportSection } from './types.js';

/** What a report is built from. Figures default to `computeFigures(dataset)`; the rest is optional. */
export type ReportInput = {
  dataset: Dataset;
  figures?: Figures;
  /** Check findings; `error` findings are listed in a 数据核对提示 annex so a draft with wrong data is never silent. */
  findings?: readonly Finding[];
  /** Section 四's problems (issue 3 drafts them); without them the dataset's own paragraphs are used. */
  problems?: readonly ReportProblem[];
  /** 自评表 annex (issue 3 scores it). */
  selfEvaluation?: SelfEvaluationAnnex;
  /** The dataset's printed 自评表 (`dataset.forms`): the whole document of a form kind, else annexes. */
  forms?: readonly FormTableAnnex[];
};

function selfEvaluationAnnex(annex: SelfEvaluationAnnex, numbered: boolean): ReportSection {
  return {
    id: 'self-evaluation',
    heading: `附件${numbered ? '1' : ''}：${annex.title}`,
    blocks: [
      ...annex.tables.map((table) => ({ kind: 'table' as const, table })),
      ...annex.notes.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };
}

export function findingsAnnex(findings: readonly Finding[]): ReportSection | null {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  return {
    id: 'data-check',
    heading: '附：数据核对提示',
    blocks: [
      { kind: 'paragraph', text: '以下数字经核对与原始数据不符，报告正文已按原始数据计算数印出，请核实后再提交：' },
      ...errors.map((f, i) => ({ kind: 'paragraph' as const, text: `${i + 1}、${f.message}（${f.code}）` })),
    ],
  };
}

/** 报告模型: the whole report, pure — the same input always gives the same model. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { dataset } = input;
  const forms = input.forms ?? [];
  const formKind = dataset.kind === 'projectForm' || dataset.kind === 'departmentForm';
  if (formKind && forms.length > 0) return formReportModel(dataset, forms, findingsAnnex(input.findings ?? []));
  const figures = input.figures ?? computeFigures(dataset);
  // A 决算说明 has no self-evaluation table: its own sections, never the narrative report's nor a 自评表 annex.
  if (dataset.kind === 'finalAccounts')
    return finalAccountsReportModel(dataset, figures, forms, findingsAnnex(input.findings ?? []));
  const printed = printedFigures(dataset, figures);
  const department = dataset.department;
  const annexes: ReportSection[] = [];
  const numbered = forms.length > 0;
  if (input.selfEvaluation !== undefined) annexes.push(selfEvaluationAnnex(input.selfEvaluation, numbered));
  const indicatorsAnnex =
    input.selfEvaluation === undefined ? undefined : `附件${numbered ? '1' : ''}（${input.selfEvaluation.title}）`;
  annexes.push(...formsAnnexes(forms, input.selfEvaluation === undefined ? 1 : 2));
  const checkNotes = findingsAnnex(input.findings ?? []);
  if (checkNotes !== null) annexes.push(checkNotes);
  return {
    title: `${dataset.fiscalYear}年度${department.shortName ?? department.name}部门整体支出预算绩效自评报告`,
    department: department.name,
    fiscalYear: dataset.fiscalYear,
    unit: dataset.unit,
    sections: [
      departmentSection(dataset),
      budgetSection(dataset, figures, printed),
      performanceSection(dataset, indicatorsAnnex),
      problemsSection(dataset, input.problems),
      ...closingSections(dataset),
    ],
    annexes,
  };
}
