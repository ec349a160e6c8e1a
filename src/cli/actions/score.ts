// The body of `jixiao score`, loaded only when that command runs (commands/score.ts registers it).
import { formsToJson } from '../../domain/forms/to-json.js';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { selfEvaluationToJson } from '../../domain/self-evaluation-table/to-json.js';
import { formTablesText } from '../form-table-text.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';
import { selfEvaluationText } from '../score-text.js';

export async function score(file: string, options: { pack?: string; json?: boolean }): Promise<void> {
  const json = options.json === true;
  const loaded = await loadDatasetOrExit(file, json);
  const { dataset } = loaded;
  const evaluation = selfEvaluate(dataset, await loadPackOrExit(options.pack, loaded, file, json));
  // The same findings as `jixiao check` and the report's 数据核对提示 (data checks, scoring, stale reviews).
  const findings = evaluation.findings.map((f) => ({ ...f, location: loaded.locate(f.path) }));
  if (json) {
    const forms = formsToJson(evaluation.forms, dataset.unit);
    writeJson({ ok: true, ...selfEvaluationToJson(evaluation, dataset.unit), forms, findings });
    return;
  }
  // A 自评表 dataset is its forms; a narrative report prints its own 自评表 first, then the forms it carries.
  const isForm = dataset.kind === 'projectForm' || dataset.kind === 'departmentForm';
  const parts = [
    ...(isForm && evaluation.forms.length > 0 ? [] : [selfEvaluationText(evaluation.table, evaluation.problems)]),
    ...(evaluation.forms.length > 0 ? [formTablesText(evaluation.forms, dataset.unit, dataset.fiscalYear)] : []),
  ];
  process.stdout.write(`${parts.join('\n\n')}\n`);
  if (findings.length > 0) {
    process.stdout.write(`\n核对与评分发现（${findingsSummary(findings)}）\n`);
    for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
  }
}
