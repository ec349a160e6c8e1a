import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildReportModel, type ReportInput } from './model/build-report.js';
import { drawCharts } from './render/chart-images.js';
import { renderReport, type ReportFormat } from './render/index.js';

export type ReportTarget = { format: ReportFormat; path: string };

/** Where `--all` puts each format: `<dir>/<name>.<format>`. */
export function targetsInDirectory(dir: string, name: string, formats: readonly ReportFormat[]): ReportTarget[] {
  return formats.map((format) => ({ format, path: join(dir, `${name}.${format}`) }));
}

/**
 * Builds the report model, renders every target in memory, and only then writes the files (each through a
 * temporary name and a rename), so that a failure never leaves a partial report behind.
 */
export async function writeReports(input: ReportInput, targets: readonly ReportTarget[]): Promise<ReportTarget[]> {
  const model = buildReportModel(input);
  const charts = drawCharts(model);
  const rendered: { target: ReportTarget; bytes: Buffer }[] = [];
  for (const target of targets) rendered.push({ target, bytes: await renderReport(model, target.format, charts) });
  for (const { target, bytes } of rendered) {
    await mkdir(dirname(target.path), { recursive: true });
    const temporary = `${target.path}.tmp-${process.pid}`;
    await writeFile(temporary, bytes);
    await rename(temporary, target.path);
  }
  return rendered.map((r) => r.target);
}
