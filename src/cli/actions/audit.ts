// The body of `jixiao audit`, loaded only when that command runs (commands/audit.ts registers it).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { auditReport, draftYaml } from '../../app/audit-report.js';
import { auditText } from '../audit-text.js';
import { writeOutput } from '../dataset-files.js';
import { exitWithAppError } from '../fail.js';
import { writeJson } from '../output.js';

/** Exit code when the report has error findings, as for `jixiao check`. */
const EXIT_HAS_ERRORS = 1;

export async function audit(file: string, options: { json?: boolean; draft?: string }): Promise<void> {
  const result = await auditReport(new Uint8Array(await readFile(file)), file);
  if (!result.ok) return exitWithAppError(result.error);
  const report = result.value;
  if (options.draft !== undefined)
    await writeOutput(options.draft, Buffer.from(draftYaml(report, basename(file)), 'utf8'));
  if (options.json === true) writeJson(report);
  else {
    process.stdout.write(auditText(report));
    if (options.draft !== undefined) process.stdout.write(`已写出数据集草稿：${options.draft}\n`);
  }
  if (report.counts.error > 0) process.exitCode = EXIT_HAS_ERRORS;
}
