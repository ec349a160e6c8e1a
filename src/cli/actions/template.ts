// The body of `jixiao template`, loaded only when that command runs (exceljs is heavy).
import { workbookTemplate } from '../../app/import-export.js';
import { writeOutput } from '../dataset-files.js';

export async function template(options: { output: string }): Promise<void> {
  await writeOutput(options.output, (await workbookTemplate()).body);
  process.stdout.write(`已生成模板：${options.output}\n`);
}
