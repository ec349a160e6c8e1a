import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AppError } from '../../app/context.js';
import { importDataset, readUpload, renderDataset } from '../../app/import-export.js';
import { formatFromName, openAppContext } from '../../app/open-context.js';
import { formatPath } from '../../domain/findings/finding.js';
import { EXIT_INVALID_INPUT } from '../load.js';

type ImportOptions = {
  output?: string;
  db?: string;
  save?: boolean;
  department?: string;
  base?: string;
  author: string;
};

/** Every problem as `项目!C7: 不是有效金额：abc` (or file:line, or JSON path); exit 2 (or 1 for a conflict). */
function fail(error: AppError): never {
  process.stderr.write(`${error.message}\n`);
  if (error.kind === 'INVALID') {
    for (const f of error.findings) process.stderr.write(`${f.location ?? formatPath(f.path)}: ${f.message}\n`);
  }
  process.exit(error.kind === 'INVALID' ? EXIT_INVALID_INPUT : 1);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入 Excel 工作簿（或 YAML/JSON）：全部校验通过才写出；每处错误标明工作表与单元格')
    .argument('<file>', '.xlsx / .yaml / .json 文件')
    .option('-o, --output <file>', '转换为 YAML/JSON 文件（缺省输出 YAML 到标准输出）')
    .option('--save', '存入数据库（新数据集，或已有数据集的新版本，须 --base）')
    .option('--db <file>', 'SQLite 数据库文件（隐含 --save）')
    .option('--department <id>', '所属部门编号（缺省按部门编码或名称查找，找不到则新建）')
    .option('--base <revision>', '基于的版本号（导入为已有数据集的新版本时必填）')
    .option('--author <name>', '操作人', '命令行')
    .action(async (file: string, options: ImportOptions) => {
      const upload = { format: formatFromName(file), content: await readFile(file), fileName: file };
      if (options.save !== true && options.db === undefined) {
        const read = await readUpload(upload);
        if (!read.ok) fail(read.error);
        const out = await renderDataset(
          read.value,
          options.output === undefined ? 'yaml' : formatFromName(options.output),
        );
        if (!out.ok) fail(out.error);
        if (options.output === undefined) process.stdout.write(out.value);
        else await writeFile(options.output, out.value);
        return;
      }
      const ctx = await openAppContext(options.db);
      const extra = {
        ...(options.department === undefined ? {} : { departmentId: Number(options.department) }),
        ...(options.base === undefined ? {} : { baseRevision: Number(options.base) }),
      };
      const result = await importDataset(ctx, { ...upload, actor: options.author, ...extra });
      await ctx.store.close();
      if (!result.ok) fail(result.error);
      if (result.value.saved)
        process.stdout.write(`已导入：数据集 ${result.value.id}，第 ${result.value.latestRevision.revisionNo} 版\n`);
    });
}
