// The body of `jixiao check`, loaded only when that command runs (commands/check.ts registers it).
import { countBySeverity, formatPath } from '../../domain/findings/finding.js';
import { checkFindings, loadDatasetOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';

/** Exit code when the dataset has error findings. */
export const EXIT_HAS_ERRORS = 1;

export async function check(file: string, options: { json?: boolean }): Promise<void> {
  const findings = await checkFindings(await loadDatasetOrExit(file, options.json === true), file);
  if (options.json === true) {
    writeJson({
      ok: true,
      counts: countBySeverity(findings),
      findings: findings.map((f) => ({ ...f, pathText: formatPath(f.path) })),
    });
  } else {
    for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
    process.stdout.write(`${findingsSummary(findings)}\n`);
  }
  if (findings.some((f) => f.severity === 'error')) process.exitCode = EXIT_HAS_ERRORS;
}
