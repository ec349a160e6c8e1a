import type { Command } from 'commander';
import type { ExportOptions } from '../actions/export.js';
import { positiveInteger } from '../options.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('导出数据集为 Excel 工作簿（与模板同版式）、YAML 或 JSON（按 -o 的扩展名）')
    .argument('[file]', '数据集文件（.yaml / .json / .xlsx）；与 --dataset 二选一')
    .requiredOption('-o, --output <file>', '输出文件：.xlsx / .yaml / .json')
    .option('--dataset <id>', '从数据库导出的数据集编号', positiveInteger(program, '--dataset'))
    .option('--revision <n>', '版本号（缺省为最新版）', positiveInteger(program, '--revision'))
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (file: string | undefined, options: ExportOptions) => {
      if (options.dataset === undefined && file === undefined)
        program.error('请给出数据集文件，或用 --dataset 指定数据库中的数据集', { exitCode: 2 });
      // Workbooks and the store load only when this command runs.
      await (await import('../actions/export.js')).exportFile(file, options);
    });
}
