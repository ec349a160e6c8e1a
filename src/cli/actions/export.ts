// The body of `jixiao export`, loaded only when that command runs (workbooks and the store are heavy).
import { convertUpload, exportFromStore, readUploadOrExit, writeOutput } from '../dataset-files.js';

export type ExportOptions = { output: string; db?: string; dataset?: number; revision?: number };

/** Exports `file`, or `--dataset` from the database; the command has checked that one of them is given. */
export async function exportFile(file: string | undefined, options: ExportOptions): Promise<void> {
  const body =
    options.dataset === undefined
      ? await convertUpload(await readUploadOrExit(file ?? ''), options.output)
      : await exportFromStore(options.db, options.dataset, options.output, options.revision);
  await writeOutput(options.output, body);
  process.stdout.write(`已导出：${options.output}\n`);
}
