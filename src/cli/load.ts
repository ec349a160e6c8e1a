import { readDatasetFile, type ReadDatasetResult } from '../ingest/read-dataset.js';
import { findingText } from './output.js';

export type LoadedDataset = Extract<ReadDatasetResult, { ok: true }>;

/** Exit code for input that cannot be read or validated (2), as opposed to a dataset with error findings (1). */
export const EXIT_INVALID_INPUT = 2;

/** Reads a dataset file; on failure prints every located problem in Chinese and exits with code 2. */
export async function loadDatasetOrExit(file: string, json: boolean): Promise<LoadedDataset> {
  const result = await readDatasetFile(file);
  if (result.ok) return result;
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, errors: result.errors }, null, 2)}\n`);
  } else {
    process.stderr.write(`数据集无法读取：${file}\n`);
    for (const error of result.errors) process.stderr.write(`${findingText(error)}\n`);
  }
  process.exit(EXIT_INVALID_INPUT);
}
