// The body of `jixiao score`, loaded only when that command runs (commands/score.ts registers it).
import type { Dataset } from '../../domain/dataset/schema.js';
import { formsToJson } from '../../domain/forms/to-json.js';
import {
  hasOwnSelfEvaluationTable,
  nothingToScore,
  nothingToScoreMessage,
  unscoredTopLevel,
} from '../../domain/self-evaluation-table/score-subject.js';
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
  // A 决算说明 without printed forms has no 自评表: it says so (exit 0) instead of scoring an empty table.
  const none = nothingToScore(dataset);
  if (json) {
    const forms = formsToJson(evaluation.forms, dataset.unit);
    if (!hasOwnSelfEvaluationTable(dataset)) writeJson({ ok: true, ...withoutOwnTableJson(dataset), forms, findings });
    else writeJson({ ok: true, scored: true, ...selfEvaluationToJson(evaluation, dataset.unit), forms, findings });
    return;
  }
  // A narrative report prints its own 自评表 first, then the forms it carries; any other kind only its forms.
  const parts = [
    ...(hasOwnSelfEvaluationTable(dataset) ? [selfEvaluationText(evaluation.table, evaluation.problems)] : []),
    ...(evaluation.forms.length > 0 ? [formTablesText(evaluation.forms, dataset.unit, dataset.fiscalYear)] : []),
    ...(none ? [nothingToScoreMessage(dataset.kind)] : []),
  ];
  process.stdout.write(`${parts.join('\n\n')}\n`);
  if (findings.length > 0) {
    process.stdout.write(`\n核对与评分发现（${findingsSummary(findings)}）\n`);
    for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
  }
}

/** `score --json` of a document without a 自评表 of its own: who and which year, then the unscored top level. */
function withoutOwnTableJson(dataset: Dataset) {
  return {
    department: dataset.department.name,
    fiscalYear: dataset.fiscalYear,
    unit: dataset.unit,
    ...unscoredTopLevel(dataset),
  };
}
