import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../dataset/form-table.js';
import type { Dataset } from '../dataset/schema.js';
import type { FormEvaluation } from '../forms/evaluate-forms.js';
import type { Grade } from '../scoring/rule-pack.js';
import type { Points } from '../scoring/points.js';

/**
 * What a document's score is scored from. Only a narrative report has the department's own 自评表 (scored under the
 * pack); a form document's score is its printed forms'; a 决算说明 has no self-evaluation table, so unless it carries
 * printed forms there is nothing to score — no total, no grade (never an invented "10.00 差").
 */
export function hasOwnSelfEvaluationTable(dataset: Dataset): boolean {
  return dataset.kind === 'report';
}

/** True when the document has neither its own 自评表 nor a printed form: `score` says so instead of scoring. */
export function nothingToScore(dataset: Dataset): boolean {
  return !hasOwnSelfEvaluationTable(dataset) && dataset.forms.length === 0;
}

/** "本文档为部门决算说明，没有绩效自评表，无可评分的内容（不计总分与等级）。" */
export function nothingToScoreMessage(kind: DocumentKind): string {
  return `本文档为${DOCUMENT_KIND_LABELS[kind]}，没有绩效自评表，无可评分的内容（不计总分与等级）。`;
}

/** A 项目 or 部门整体自评表 document: "本文档为项目支出绩效自评表，各表单独计分，得分见各表。" */
export function formsOnlyMessage(kind: DocumentKind): string {
  return `本文档为${DOCUMENT_KIND_LABELS[kind]}，各表单独计分，得分见各表。`;
}

/**
 * The top level of a score answer (`score --json`, the score API) for a document without a 自评表 of its own: no
 * total, subtotal or grade (never the empty table's "0.00 差"), whether anything is scored (its forms), and why.
 */
export function unscoredTopLevel(dataset: Dataset) {
  const none = nothingToScore(dataset);
  return {
    scored: !none,
    kind: dataset.kind,
    message: none ? nothingToScoreMessage(dataset.kind) : formsOnlyMessage(dataset.kind),
    subtotal: null,
    total: null,
    grade: null,
  };
}

/**
 * The one score a list of departments shows for a document (the bureau overview): the narrative report's own total;
 * a form document's single form's total (a 部门整体自评表, or one project's table); none when it has several forms
 * (each scored on its own, none of them the department's) or nothing to score.
 */
export function headlineScore(
  dataset: Dataset,
  own: { total: Points; grade: Grade },
  forms: readonly FormEvaluation[],
): { total: Points; grade: Grade } | null {
  if (hasOwnSelfEvaluationTable(dataset)) return own;
  // A 决算说明's attached form scores a project or the table it quotes, not the accounts themselves.
  if (dataset.kind === 'finalAccounts') return null;
  const only = forms.length === 1 ? forms[0] : undefined;
  return only === undefined ? null : { total: only.score.total, grade: only.score.grade };
}
