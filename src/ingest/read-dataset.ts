import { extname } from 'node:path';
import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import type { FieldPath } from '../domain/findings/finding.js';
import { parseLocatedYaml, readTextFile, type LocatedFinding, type SourceLocation } from './located-yaml.js';

export type { LocatedFinding, SourceLocation } from './located-yaml.js';

export type ReadDatasetResult =
  { ok: true; dataset: Dataset; locate: (path: FieldPath) => SourceLocation } | { ok: false; errors: LocatedFinding[] };

/** Parses YAML or JSON text into a Dataset; every finding carries its file, line and column. */
export function readDatasetText(text: string, file: string): ReadDatasetResult {
  const syntaxCode = extname(file).toLowerCase() === '.json' ? 'JSON_SYNTAX' : 'YAML_SYNTAX';
  const source = parseLocatedYaml(text, file, syntaxCode, '文件');
  if (!source.ok) return source;
  const parsed = parseDataset(source.value);
  if (parsed.ok) return { ok: true, dataset: parsed.dataset, locate: source.locate };
  return { ok: false, errors: parsed.errors.map((e) => ({ ...e, location: source.locate(e.path) })) };
}

/** Reads a dataset file (.yaml, .yml or .json). A missing or unreadable file is a located finding, not a throw. */
export async function readDatasetFile(file: string): Promise<ReadDatasetResult> {
  const read = await readTextFile(file, 'FILE_UNREADABLE', '文件');
  return read.ok ? readDatasetText(read.text, file) : read;
}
