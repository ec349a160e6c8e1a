import type { Dataset } from '../../domain/dataset/schema.js';
import type { RulePack } from '../../domain/scoring/rule-pack.js';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import type { ReportInput } from './build-report.js';
import { fromForms } from './from-forms.js';
import { fromSelfEvaluation } from './from-self-evaluation.js';

/**
 * Everything a report of `dataset` is built from under `pack`: its figures, check findings, the drafted problems
 * the user kept, the 自评表 annex and the dataset's printed forms. The one pipeline behind `jixiao report` and the API's report route.
 */
export function reportInputFor(dataset: Dataset, pack: RulePack): ReportInput {
  const evaluation = selfEvaluate(dataset, pack);
  return {
    dataset,
    figures: evaluation.figures,
    findings: evaluation.findings,
    ...fromSelfEvaluation(evaluation, dataset),
    forms: fromForms(evaluation.forms, dataset.unit, dataset.fiscalYear),
  };
}
