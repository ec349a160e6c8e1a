import type { Command } from 'commander';
import { figuresToJson } from '../../domain/figures/to-json.js';
import { figuresUnder } from '../../domain/self-evaluation-table/self-evaluate.js';
import { figuresText } from '../figures-text.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { writeJson } from '../output.js';

type ComputeOptions = { json?: boolean; pack?: string };

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
    .action(async (file: string, options: ComputeOptions) => {
      const json = options.json === true;
      const loaded = await loadDatasetOrExit(file, json);
      const { dataset } = loaded;
      const figures = figuresUnder(dataset, await loadPackOrExit(options.pack, loaded, file, json));
      if (json) writeJson(figuresToJson(figures, dataset.unit));
      else
        process.stdout.write(
          `${dataset.department.name} ${dataset.fiscalYear} 年度\n${figuresText(figures, dataset.unit)}\n`,
        );
    });
}
