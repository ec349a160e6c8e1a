// The body of `jixiao check`, loaded only when that command runs (commands/check.ts registers it).
import { countBySeverity, formatPath } from '../../domain/findings/finding.js';
import { evaluateForms } from '../../domain/forms/evaluate-forms.js';
import { formsToJson } from '../../domain/forms/to-json.js';
import { figuresUnder } from '../../domain/self-evaluation-table/self-evaluate.js';
import { resolveRulePack } from '../../ingest/read-rule-pack.js';
import { checkFindings, loadDatasetOrExit, type LoadedDataset } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';

/** Exit code when the dataset has error findings. */
export const EXIT_HAS_ERRORS = 1;

/** The dataset's 自评表 scored under its pack (none when the pack cannot be read: its findings say why). */
async function formsJson(loaded: LoadedDataset, file: string) {
  const { dataset } = loaded;
  if (dataset.forms.length === 0) return [];
  const pack = await resolveRulePack(undefined, dataset.rulePack, file);
  if (!pack.ok) return [];
  return formsToJson(evaluateForms(dataset, pack.pack, figuresUnder(dataset, pack.pack)).forms, dataset.unit);
}

export async function check(file: string, options: { json?: boolean }): Promise<void> {
  const loaded = await loadDatasetOrExit(file, options.json === true);
  const findings = await checkFindings(loaded, file);
  if (options.json === true) {
    writeJson({
      ok: true,
      counts: countBySeverity(findings),
      findings: findings.map((f) => ({ ...f, pathText: formatPath(f.path) })),
      forms: await formsJson(loaded, file),
    });
  } else {
    for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
    process.stdout.write(`${findingsSummary(findings)}\n`);
  }
  if (findings.some((f) => f.severity === 'error')) process.exitCode = EXIT_HAS_ERRORS;
}
