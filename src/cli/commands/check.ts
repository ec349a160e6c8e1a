import type { Command } from 'commander';
import { countBySeverity, formatPath } from '../../domain/findings/finding.js';
import { checkFindings, loadDatasetOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';

/** Exit code when the dataset has error findings. */
export const EXIT_HAS_ERRORS = 1;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核对数据集：报告陈述数与计算数、合计与明细、项目恒等式、三公经费、必填部分、评分规则等')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: { json?: boolean }) => {
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
    });
}
