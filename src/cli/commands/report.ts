import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { reportInputFor } from '../../report/model/report-input.js';
import { isReportFormat, REPORT_FORMATS } from '../../report/render/index.js';
import { targetsInDirectory, writeReports, type ReportTarget } from '../../report/write-report.js';
import { EXIT_INVALID_INPUT } from '../fail.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';

type ReportOptions = { format?: string; output?: string; all?: boolean; pack?: string };

function targets(file: string, options: ReportOptions): ReportTarget[] | string {
  const name = basename(file, extname(file));
  if (options.all === true) return targetsInDirectory(options.output ?? '.', name, REPORT_FORMATS);
  const format = options.format ?? 'docx';
  if (!isReportFormat(format)) return `不支持的格式：${format}（可选：${REPORT_FORMATS.join('、')}）`;
  return [{ format, path: options.output ?? `${name}.${format}` }];
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('生成部门整体支出绩效自评报告（DOCX、PDF、HTML、Markdown，含表格与图表）；全部写出或一个不写')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('-f, --format <format>', `报告格式：${REPORT_FORMATS.join('|')}`, 'docx')
    .option('-o, --output <path>', '输出文件；与 --all 同用时为输出目录')
    .option('--pack <pack>', '评分规则包（内置名称或文件路径；缺省用数据集的 rulePack，再缺省为 national）')
    .option('--all', '生成全部格式到 -o 指定的目录')
    .action(async (file: string, options: ReportOptions) => {
      const wanted = targets(file, options);
      if (typeof wanted === 'string') program.error(wanted, { exitCode: EXIT_INVALID_INPUT });
      const loaded = await loadDatasetOrExit(file, false);
      const pack = await loadPackOrExit(options.pack, loaded, file, false);
      const written = await writeReports(reportInputFor(loaded.dataset, pack), wanted);
      for (const target of written) process.stdout.write(`已生成 ${target.format.toUpperCase()}：${target.path}\n`);
    });
}
