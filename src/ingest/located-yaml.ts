import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import type { FieldPath, Finding } from '../domain/findings/finding.js';
import { decodeText } from './decode-text.js';
import { parsePlainYaml } from './plain-yaml.js';

/** Where in a source file a finding points. */
export type SourceLocation = { file: string; line?: number; column?: number };

export type LocatedFinding = Finding & { location?: SourceLocation };

/** A parsed YAML/JSON document that can say where any JSON path of it is written. */
export type LocatedYaml =
  { ok: true; value: unknown; locate: (path: FieldPath) => SourceLocation } | { ok: false; errors: LocatedFinding[] };

/**
 * `yaml` (a quarter of a megabyte of code) loads only when a text is not plain block YAML or a location is asked
 * for: `jixiao compute` on a plain dataset never needs it.
 */
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

/** The node at `path`, or its nearest existing ancestor (a missing field points at its parent). */
function nearestNode(doc: Document, path: FieldPath): Node | null {
  const { isMap, isSeq } = yaml();
  let node: unknown = doc.contents;
  for (const key of path) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (next === undefined || next === null) break;
    node = next;
  }
  return (node ?? null) as Node | null;
}

/**
 * Parses YAML or JSON text (JSON is YAML, so one parser gives line numbers for both). Syntax errors and duplicate
 * keys become findings with `syntaxCode` and a Chinese message prefixed by `what` ("文件", "规则包文件").
 * Plain block YAML (what datasets are written in) is read by `parsePlainYaml`, which gives the same value in a
 * fraction of the time; `yaml` then parses the text again only if a location is asked for (a finding to print).
 */
export function parseLocatedYaml(text: string, file: string, syntaxCode: string, what: string): LocatedYaml {
  const bare = text.replace(/^\uFEFF/, '');
  const plain = parsePlainYaml(bare);
  if (plain === undefined) return parseWithLocations(bare, file, syntaxCode, what);
  let located: LocatedYaml | undefined;
  return {
    ok: true,
    value: plain,
    locate: (path) => {
      located ??= parseWithLocations(bare, file, syntaxCode, what);
      return located.ok ? located.locate(path) : { file };
    },
  };
}

function parseWithLocations(text: string, file: string, syntaxCode: string, what: string): LocatedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        severity: 'error',
        code: syntaxCode,
        message: `${what}格式错误：${e.message.split('\n')[0] ?? ''}`,
        path: [],
        location: at(e.pos[0]),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // yaml refuses documents whose aliases expand too far (an "alias bomb"): a finding, not a crash.
    return {
      ok: false,
      errors: [
        {
          severity: 'error',
          code: syntaxCode,
          message: `${what}格式错误：别名（alias）引用过多，文档无法展开`,
          path: [],
          location: { file },
        },
      ],
    };
  }
  return {
    ok: true,
    value,
    locate: (path) => {
      const range = nearestNode(doc, path)?.range;
      return range ? at(range[0]) : { file };
    },
  };
}

/**
 * Reads a text file in UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK (`decodeText`); a missing or
 * unreadable file is a located finding with `code`, a file in no such encoding one with `FILE_ENCODING`, not a throw.
 */
export async function readTextFile(
  file: string,
  code: string,
  what: string,
): Promise<{ ok: true; text: string } | { ok: false; errors: LocatedFinding[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '不存在' : '无法读取';
    return {
      ok: false,
      errors: [{ severity: 'error', code, message: `${what}${reason}：${file}`, path: [], location: { file } }],
    };
  }
  const decoded = decodeText(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  const message = `${what}无法读取：${file}（${decoded.detail}）`;
  return { ok: false, errors: [{ severity: 'error', code: 'FILE_ENCODING', message, path: [], location: { file } }] };
}
