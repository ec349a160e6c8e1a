import type { Command } from 'commander';
import type { ReportOptions } from '../actions/report.js';
import type { ReportFormat } from '../../report/render/index.js';

/**
 * The formats for the help text, in the order of REPORT_FORMATS, spelled out here because the module that defines
 * them loads every renderer (fontkit, pdfmake, docx, echarts). A Record, so the compiler refuses a missing one.
 */
const FORMATS: Readonly<Record<ReportFormat, true>> = { docx: true, pdf: true, html: true, md: true };

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('生成部门整体支出绩效自评报告（DOCX、PDF、HTML、Markdown，含表格与图表）；全部写出或一个不写')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('-f, --format <format>', `报告格式：${Object.keys(FORMATS).join('|')}`, 'docx')
    .option('-o, --output <path>', '输出文件；与 --all 同用时为输出目录')
    .option('--pack <pack>', '评分规则包（内置名称或文件路径；缺省用数据集的 rulePack，再缺省为 national）')
    .option('--all', '生成全部格式到 -o 指定的目录')
    // The renderers are the heaviest modules of the program: loaded only when this command runs.
    .action(async (file: string, options: ReportOptions) =>
      (await import('../actions/report.js')).report(program, file, options),
    );
}
