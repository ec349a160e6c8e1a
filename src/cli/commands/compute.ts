import type { Command } from 'commander';
import type { ComputeOptions } from '../actions/compute.js';

export function registerCompute(program: Command): void {
  program
    .command('compute')
    .description('计算数据集的全部派生数（收入支出结构、执行率、结余、支付进度等）')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option(
      '--pack <name|path>',
      '评分规则包（决定序时进度）：内置名称或文件路径；缺省用数据集的 rulePack，再缺省为 national',
    )
    .option('--json', '以 JSON 输出（金额为两位小数字符串）')
    // The body and the domain core load only when this command runs (fast start for every other command).
    .action(async (file: string, options: ComputeOptions) =>
      (await import('../actions/compute.js')).compute(file, options),
    );
}
