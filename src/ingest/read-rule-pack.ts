import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath } from '../domain/findings/finding.js';
import { BUILTIN_PACKS, DEFAULT_PACK_NAME, findBuiltinPack } from '../domain/scoring/packs/builtin-packs.js';
import { parseRulePack } from '../domain/scoring/parse-rule-pack.js';
import type { RulePack } from '../domain/scoring/rule-pack.js';
import type { LocatedFinding, SourceLocation } from './read-dataset.js';

export type ReadRulePackResult = { ok: true; pack: RulePack } | { ok: false; errors: LocatedFinding[] };

/** A pack reference that names a file rather than a built-in pack. */
export function isPackPath(reference: string): boolean {
  return /[\\/]/.test(reference) || ['.yaml', '.yml', '.json'].includes(extname(reference).toLowerCase());
}

function locate(file: string, doc: Document, lines: LineCounter, path: FieldPath): SourceLocation {
  let node: unknown = doc.contents;
  for (const key of path) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (next === undefined || next === null) break;
    node = next;
  }
  const range = (node as Node | null)?.range;
  if (!range) return { file };
  const pos = lines.linePos(range[0]);
  return { file, line: pos.line, column: pos.col };
}

function failure(code: string, message: string, file?: string): ReadRulePackResult {
  return {
    ok: false,
    errors: [{ severity: 'error', code, message, path: [], ...(file === undefined ? {} : { location: { file } }) }],
  };
}

/** Reads a rule pack file (.yaml, .yml or .json); every problem is a located Chinese finding. */
export async function readRulePackFile(file: string): Promise<ReadRulePackResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '规则包文件不存在' : '规则包文件无法读取';
    return failure('RULE_PACK_UNREADABLE', `${reason}：${file}`, file);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          severity: 'error',
          code: 'RULE_PACK_SYNTAX',
          message: `规则包文件格式错误：${e.message.split('\n')[0] ?? ''}`,
          path: [],
          location: { file, line: pos.line, column: pos.col },
        };
      }),
    };
  }
  const parsed = parseRulePack(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors.map((e) => ({ ...e, location: locate(file, doc, lines, e.path) })) };
}

/**
 * The rule pack to score with: `option` (from the command line: a built-in name or a file path, relative to the
 * working directory), else the dataset's `rulePack` (a name, or a path relative to the dataset file), else national.
 */
export async function resolveRulePack(
  option: string | undefined,
  datasetRulePack: string | undefined,
  datasetFile: string,
): Promise<ReadRulePackResult> {
  const reference = option ?? datasetRulePack ?? DEFAULT_PACK_NAME;
  const builtin = findBuiltinPack(reference);
  if (builtin !== null) return { ok: true, pack: builtin };
  if (isPackPath(reference)) {
    const base = option === undefined ? dirname(datasetFile) : process.cwd();
    return readRulePackFile(isAbsolute(reference) ? reference : resolve(base, reference));
  }
  const names = [...BUILTIN_PACKS.keys()].join('、');
  return failure('RULE_PACK_UNKNOWN', `未知的评分规则包：${reference}（内置规则包：${names}；也可给出规则包文件路径）`);
}
