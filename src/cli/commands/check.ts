import type { Command } from 'commander';
import { runChecks } from '../../domain/checks/run-checks.js';
import { countBySeverity, formatPath } from '../../domain/findings/finding.js';
import { allFindings } from '../../domain/scoring/scoring-check.js';
import { resolveRulePack } from '../../ingest/read-rule-pack.js';
import { loadDatasetOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';

/** Exit code when the dataset has error findings. */
export const EXIT_HAS_ERRORS = 1;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核对数据集：报告陈述数与计算数、合计与明细、项目恒等式、三公经费、必填部分等')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: { json?: boolean }) => {
      const loaded = await loadDatasetOrExit(file, options.json === true);
      const pack = await resolveRulePack(undefined, loaded.dataset.rulePack, file);
      const all = pack.ok ? allFindings(loaded.dataset, pack.pack) : runChecks(loaded.dataset);
      const located = all.map((f) => ({
        ...f,
        location: loaded.locate(f.path),
      }));
      const findings = pack.ok ? located : [...pack.errors, ...located];
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
    });
}
