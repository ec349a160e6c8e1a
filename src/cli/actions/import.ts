// The body of `jixiao import`, loaded only when that command runs (workbooks and the store are heavy).
import { convertUpload, importToStore, readUploadOrExit, writeOutput } from '../dataset-files.js';

export type ImportOptions = {
  output?: string;
  db?: string;
  save?: boolean;
  department?: number;
  base?: number;
  author: string;
};

export async function importFile(file: string, options: ImportOptions): Promise<void> {
  const upload = await readUploadOrExit(file);
  if (options.save === true || options.db !== undefined) {
    process.stdout.write(await importToStore(upload, options));
    return;
  }
  const body = await convertUpload(upload, options.output);
  if (options.output === undefined) process.stdout.write(body);
  else await writeOutput(options.output, body);
}
