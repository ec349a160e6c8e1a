// The body of `jixiao score`, loaded only when that command runs (commands/score.ts registers it).
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { selfEvaluationToJson } from '../../domain/self-evaluation-table/to-json.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';
import { selfEvaluationText } from '../score-text.js';

export async function score(file: string, options: { pack?: string; json?: boolean }): Promise<void> {
  const json = options.json === true;
  const loaded = await loadDatasetOrExit(file, json);
  const evaluation = selfEvaluate(loaded.dataset, await loadPackOrExit(options.pack, loaded, file, json));
  // The same findings as `jixiao check` and the report's 数据核对提示 (data checks, scoring, stale reviews).
  const findings = evaluation.findings.map((f) => ({ ...f, location: loaded.locate(f.path) }));
  if (json) {
    writeJson({ ok: true, ...selfEvaluationToJson(evaluation, loaded.dataset.unit), findings });
    return;
  }
  process.stdout.write(`${selfEvaluationText(evaluation.table, evaluation.problems)}\n`);
  if (findings.length > 0) {
    process.stdout.write(`\n核对与评分发现（${findingsSummary(findings)}）\n`);
    for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
  }
}
