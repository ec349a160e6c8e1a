import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核对数据集：报告陈述数与计算数、合计与明细、项目恒等式、三公经费、必填部分、评分规则等')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('--json', '以 JSON 输出')
    // The body and the domain core load only when this command runs (fast start for every other command).
    .action(async (file: string, options: { json?: boolean }) =>
      (await import('../actions/check.js')).check(file, options),
    );
}
