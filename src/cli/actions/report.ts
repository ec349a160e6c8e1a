// The body of `jixiao report`, loaded only when that command runs: the renderers (fontkit, pdfmake, docx)
// are the heaviest modules of the program.
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { reportInputFor } from '../../report/model/report-input.js';
import { isReportFormat, REPORT_FORMATS } from '../../report/render/formats.js';
import { renderReportBytes, targetsInDirectory, writeReports, type ReportTarget } from '../../report/write-report.js';
import { EXIT_INVALID_INPUT } from '../fail.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { writeBytesToStdout } from '../output.js';

export type ReportOptions = { format?: string; output?: string; all?: boolean; pack?: string };

function targets(file: string, options: ReportOptions): ReportTarget[] | string {
  const name = basename(file, extname(file));
  if (options.all === true && options.output === '-') return '--all 生成多个文件，不能写到标准输出（-o -）；请给出目录';
  if (options.all === true) return targetsInDirectory(options.output ?? '.', name, REPORT_FORMATS);
  const format = options.format ?? 'docx';
  if (!isReportFormat(format)) return `不支持的格式：${format}（可选：${REPORT_FORMATS.join('、')}）`;
  return [{ format, path: options.output ?? `${name}.${format}` }];
}

export async function report(program: Command, file: string, options: ReportOptions): Promise<void> {
  const wanted = targets(file, options);
  if (typeof wanted === 'string') program.error(wanted, { exitCode: EXIT_INVALID_INPUT });
  const loaded = await loadDatasetOrExit(file, false);
  const pack = await loadPackOrExit(options.pack, loaded, file, false);
  const input = reportInputFor(loaded.dataset, pack);
  const only = wanted[0];
  // `-o -`: the one format to standard output (a pipe or a redirection), nothing on disk and no 已生成 line.
  if (options.all !== true && options.output === '-' && only !== undefined) {
    await writeBytesToStdout(await renderReportBytes(input, only.format));
    return;
  }
  const written = await writeReports(input, wanted);
  for (const target of written) process.stdout.write(`已生成 ${target.format.toUpperCase()}：${target.path}\n`);
}
