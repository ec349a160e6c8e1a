import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import type { FieldPath, Finding } from '../domain/findings/finding.js';

/** Where in a source file a finding points. */
export type SourceLocation = { file: string; line?: number; column?: number };

export type LocatedFinding = Finding & { location?: SourceLocation };

export type ReadDatasetResult =
  { ok: true; dataset: Dataset; locate: (path: FieldPath) => SourceLocation } | { ok: false; errors: LocatedFinding[] };

/** The node at `path`, or its nearest existing ancestor (a missing field points at its parent). */
function nearestNode(doc: Document, path: FieldPath): Node | null {
  let node: unknown = doc.contents;
  for (const key of path) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (next === undefined || next === null) break;
    node = next;
  }
  return (node ?? null) as Node | null;
}

function locate(file: string, doc: Document, lines: LineCounter, path: FieldPath): SourceLocation {
  const range = nearestNode(doc, path)?.range;
  if (!range) return { file };
  const pos = lines.linePos(range[0]);
  return { file, line: pos.line, column: pos.col };
}

/**
 * Parses YAML or JSON text into a Dataset. JSON is YAML, so one parser serves both and gives line
 * numbers for every finding. Duplicate keys and syntax errors are reported with their position.
 */
export function readDatasetText(text: string, file: string): ReadDatasetResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          severity: 'error',
          code: extname(file).toLowerCase() === '.json' ? 'JSON_SYNTAX' : 'YAML_SYNTAX',
          message: `文件格式错误：${e.message.split('\n')[0] ?? ''}`,
          path: [],
          location: { file, line: pos.line, column: pos.col },
        };
      }),
    };
  }
  const parsed = parseDataset(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.ok) return { ok: true, dataset: parsed.dataset, locate: (path) => locate(file, doc, lines, path) };
  return { ok: false, errors: parsed.errors.map((e) => ({ ...e, location: locate(file, doc, lines, e.path) })) };
}

/** Reads a dataset file (.yaml, .yml or .json). A missing or unreadable file is a located finding, not a throw. */
export async function readDatasetFile(file: string): Promise<ReadDatasetResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '文件无法读取';
    return {
      ok: false,
      errors: [
        { severity: 'error', code: 'FILE_UNREADABLE', message: `${reason}：${file}`, path: [], location: { file } },
      ],
    };
  }
  return readDatasetText(text.replace(/^\uFEFF/, ''), file);
}
