import type { Command } from 'commander';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('按评分规则包评分：预算执行率、绩效指标、总分与等级，输出部门整体支出绩效自评表及自动识别的问题')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('--pack <name|path>', '评分规则包：内置名称（national、hunan）或规则包文件路径；缺省用数据集的 rulePack')
    .option('--json', '以 JSON 输出（得分为两位小数字符串）')
    // The body and the domain core load only when this command runs (fast start for every other command).
    .action(async (file: string, options: { pack?: string; json?: boolean }) =>
      (await import('../actions/score.js')).score(file, options),
    );
}
