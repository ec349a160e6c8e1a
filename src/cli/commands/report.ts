import type { Command } from 'commander';
import type { ReportOptions } from '../actions/report.js';
import type { ReportFormat } from '../../report/render/index.js';
import { EXIT_INVALID_INPUT } from '../fail.js';
import { positiveInteger } from '../options.js';

/**
 * The formats for the help text, in the order of REPORT_FORMATS, spelled out here because the module that defines
 * them loads every renderer (fontkit, pdfmake, docx). A Record, so the compiler refuses a missing one.
 */
const FORMATS: Readonly<Record<ReportFormat, true>> = { docx: true, pdf: true, html: true, md: true, xlsx: true };

type CommandOptions = ReportOptions & { year?: number; published?: boolean; db?: string };

/** `--format docx,pdf` as formats, or the message for a bad one. */
function formatList(text: string): ReportFormat[] | string {
  const names = text.split(',').map((f) => f.trim());
  const bad = names.find((f) => !(f in FORMATS));
  if (bad !== undefined) return `不支持的格式：${bad}（可选：${Object.keys(FORMATS).join('、')}）`;
  return [...new Set(names as ReportFormat[])];
}

/** `jixiao report --all --year Y -o DIR`: every department's report of a year from the database. */
async function bulk(program: Command, options: CommandOptions & { year: number }): Promise<void> {
  const fail = (message: string) => program.error(message, { exitCode: EXIT_INVALID_INPUT });
  if (options.output === undefined) return fail('请用 -o 指定输出目录');
  const formats = formatList(options.format ?? 'docx,pdf');
  if (typeof formats === 'string') return fail(formats);
  const { bulkWorkers, reportAll } = await import('../actions/report-all.js');
  process.exitCode = await reportAll({
    year: options.year,
    output: options.output,
    formats,
    published: options.published === true,
    db: options.db,
    workers: bulkWorkers(),
  });
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      '生成部门整体支出绩效自评报告（DOCX、PDF、HTML、Markdown，含表格与图表；XLSX 为自评表，每表一个工作表）；' +
        '全部写出或一个不写。' +
        '\n用 --all --year 生成数据库中该年度每个部门的报告（多线程）',
    )
    .argument('[file]', '数据集文件（.yaml / .yml / .json）；与 --year 二选一')
    .option(
      '-f, --format <format>',
      `报告格式：${Object.keys(FORMATS).join('|')}（缺省 docx；与 --year 同用时可用逗号分隔，缺省 docx,pdf）`,
    )
    .option('-o, --output <path>', '输出文件（- 为标准输出）；与 --all 同用时为输出目录')
    .option('--pack <pack>', '评分规则包（内置名称或文件路径；缺省用数据集的 rulePack，再缺省为 national）')
    .option('--all', '生成全部格式到 -o 指定的目录；与 --year 同用时生成该年度每个部门的报告')
    .option('--year <year>', '年度：从数据库生成该年度每个部门最新数据的报告', positiveInteger(program, '--year', 9999))
    .option('--published', '与 --year 同用：只生成已公开的报告（各部门最近一次发布的版本）')
    .option('--db <file>', 'SQLite 数据库文件（缺省 data/jixiao.sqlite，或 DATABASE_URL）')
    // The renderers are the heaviest modules of the program: loaded only when this command runs.
    .action(async (file: string | undefined, options: CommandOptions) => {
      if (options.year !== undefined) {
        if (file !== undefined) program.error('--year 从数据库生成报告，不能同时给出数据集文件', { exitCode: 2 });
        return bulk(program, { ...options, year: options.year });
      }
      if (file === undefined)
        program.error('请给出数据集文件，或用 --all --year 生成数据库中该年度每个部门的报告', { exitCode: 2 });
      return (await import('../actions/report.js')).report(program, file, options);
    });
}
