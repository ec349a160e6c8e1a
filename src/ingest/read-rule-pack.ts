import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { BUILTIN_PACKS, DEFAULT_PACK_NAME, findBuiltinPack } from '../domain/scoring/packs/builtin-packs.js';
import { parseRulePack } from '../domain/scoring/parse-rule-pack.js';
import type { RulePack } from '../domain/scoring/rule-pack.js';
import { parseLocatedYaml, readTextFile, type LocatedFinding } from './located-yaml.js';

export type ReadRulePackResult = { ok: true; pack: RulePack } | { ok: false; errors: LocatedFinding[] };

/** A pack reference that names a file rather than a built-in pack. */
export function isPackPath(reference: string): boolean {
  return /[\\/]/.test(reference) || ['.yaml', '.yml', '.json'].includes(extname(reference).toLowerCase());
}

function failure(code: string, message: string, file?: string): ReadRulePackResult {
  return {
    ok: false,
    errors: [{ severity: 'error', code, message, path: [], ...(file === undefined ? {} : { location: { file } }) }],
  };
}

/** Reads a rule pack file (.yaml, .yml or .json); every problem is a located Chinese finding. */
export async function readRulePackFile(file: string): Promise<ReadRulePackResult> {
  const read = await readTextFile(file, 'RULE_PACK_UNREADABLE', '规则包文件');
  if (!read.ok) return read;
  const source = parseLocatedYaml(read.text, file, 'RULE_PACK_SYNTAX', '规则包文件');
  if (!source.ok) return source;
  const parsed = parseRulePack(source.value);
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors.map((e) => ({ ...e, location: source.locate(e.path) })) };
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
