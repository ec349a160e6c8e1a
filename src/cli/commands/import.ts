import type { Command } from 'commander';
import type { ImportOptions } from '../actions/import.js';
import { positiveInteger } from '../options.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入 Excel 工作簿（或 YAML/JSON）：全部校验通过才写出；每处错误标明工作表与单元格')
    .argument('<file>', '.xlsx / .yaml / .json 文件')
    .option('-o, --output <file>', '转换为 YAML/JSON 文件（缺省输出 YAML 到标准输出）')
    .option('--save', '存入数据库（新数据集，或已有数据集的新版本，须 --base）')
    .option('--db <file>', 'SQLite 数据库文件（隐含 --save）')
    .option(
      '--department <id>',
      '所属部门编号（缺省按部门编码或名称查找，找不到则新建）',
      positiveInteger(program, '--department'),
    )
    .option('--base <revision>', '基于的版本号（导入为已有数据集的新版本时必填）', positiveInteger(program, '--base'))
    .option('--author <name>', '操作人', '命令行')
    // Workbooks and the store load only when this command runs.
    .action(async (file: string, options: ImportOptions) =>
      (await import('../actions/import.js')).importFile(file, options),
    );
}
