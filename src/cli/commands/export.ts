import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportDataset, readUpload, renderDataset } from '../../app/import-export.js';
import { formatFromName, openAppContext } from '../../app/open-context.js';
import { formatPath } from '../../domain/findings/finding.js';
import { EXIT_INVALID_INPUT } from '../load.js';

type ExportOptions = { output: string; db?: string; dataset?: string; revision?: string };

async function fromStore(options: ExportOptions): Promise<Buffer> {
  const ctx = await openAppContext(options.db);
  const revision = options.revision === undefined ? undefined : Number(options.revision);
  const result = await exportDataset(ctx, Number(options.dataset), formatFromName(options.output), '命令行', revision);
  await ctx.store.close();
  if (result.ok) return result.value.body;
  process.stderr.write(`${result.error.message}\n`);
  process.exit(1);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('导出数据集为 Excel 工作簿（与模板同版式）、YAML 或 JSON（按 -o 的扩展名）')
    .argument('[file]', '数据集文件（.yaml / .json / .xlsx）；与 --dataset 二选一')
    .requiredOption('-o, --output <file>', '输出文件：.xlsx / .yaml / .json')
    .option('--dataset <id>', '从数据库导出的数据集编号')
    .option('--revision <n>', '版本号（缺省为最新版）')
    .option('--db <file>', 'SQLite 数据库文件')
    .action(async (file: string | undefined, options: ExportOptions) => {
      let body: Buffer;
      if (options.dataset !== undefined) body = await fromStore(options);
      else {
        if (file === undefined) program.error('请给出数据集文件，或用 --dataset 指定数据库中的数据集');
        const read = await readUpload({ format: formatFromName(file), content: await readFile(file), fileName: file });
        const out = read.ok ? await renderDataset(read.value, formatFromName(options.output)) : read;
        if (!out.ok) {
          process.stderr.write(`${out.error.message}\n`);
          if (out.error.kind === 'INVALID')
            for (const f of out.error.findings)
              process.stderr.write(`${f.location ?? formatPath(f.path)}: ${f.message}\n`);
          process.exit(EXIT_INVALID_INPUT);
        }
        body = out.value;
      }
      await writeFile(options.output, body);
      process.stdout.write(`已导出：${options.output}\n`);
    });
}
