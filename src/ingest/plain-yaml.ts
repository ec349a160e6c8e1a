/**
 * A fast reader for the plain block YAML that datasets are written in (block maps and sequences, one-line plain,
 * single- or double-quoted scalars, `[]` / `{}`, comments), giving exactly what `yaml`'s `parseDocument(...).toJS()`
 * gives under its default YAML 1.2 core schema — or `undefined` for anything else (anchors, tags, flow collections,
 * block or multi-line scalars, escapes, tabs, duplicate or unusual keys, syntax errors), which the caller then reads
 * with `yaml` itself. Cold, `yaml` takes ~0.1 s of CPU on the seed (most of `jixiao compute`); this takes a few ms.
 * `plain-yaml.test.ts` checks it against `yaml` on every example and on thousands of mutated documents.
 */

type Line = { indent: number; text: string };

/** Characters after which the text is not read here: control characters, tabs, CR, BOM, Unicode line breaks. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const SPECIAL_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const SEQ_ENTRY = /^-(?: +|$)/;

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/** A plain scalar resolved as the core schema does (null, bool, int, float, else the string). */
function resolvePlain(text: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** What follows a quoted scalar or `[]` must be nothing or a comment. */
function onlyComment(rest: string): boolean {
  return /^(?: +#.*)? *$/.test(rest);
}

/** A one-line scalar value (the text after `key: ` or `- `), or `undefined` when there is none (a nested block). */
function scalar(text: string): unknown {
  if (text === '' || text.startsWith('#')) return undefined;
  const first = text[0];
  if (first === "'") {
    const m = /^'((?:[^']|'')*)'(.*)$/.exec(text);
    if (m === null || !onlyComment(m[2] ?? '')) unsupported();
    return (m[1] ?? '').replace(/''/g, "'");
  }
  if (first === '"') {
    const m = /^"([^"\\]*)"(.*)$/.exec(text);
    if (m === null || !onlyComment(m[2] ?? '')) unsupported();
    return m[1];
  }
  const empty = /^(\[\]|\{\})(.*)$/.exec(text);
  if (empty !== null && onlyComment(empty[2] ?? '')) return empty[1] === '[]' ? [] : {};
  if ('[]{}#&*!|>%@`,?:'.includes(first ?? '') || SEQ_ENTRY.test(text)) unsupported();
  const plain = text.replace(/ +#.*$/, '').replace(/ +$/, '');
  if (plain.includes(': ') || plain.endsWith(':') || plain.includes(' #')) unsupported();
  return resolvePlain(plain);
}

class Reader {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  document(): unknown {
    if (this.lines[0]?.indent !== 0) unsupported();
    const value = this.map(0);
    if (this.i !== this.lines.length) unsupported();
    return value;
  }

  /** The value after `key:` or `-` whose own line ended; `owner` is the column of that key or dash. */
  private nested(owner: number, sameIndentSeq: boolean): unknown {
    const next = this.lines[this.i];
    if (next === undefined || next.indent < owner) return null;
    if (next.indent === owner) return sameIndentSeq && SEQ_ENTRY.test(next.text) ? this.seq(owner) : null;
    return SEQ_ENTRY.test(next.text) ? this.seq(next.indent) : this.map(next.indent);
  }

  /** After a one-line scalar, no line may be indented further than its owner (that would continue or break it). */
  private endOfScalar(owner: number): void {
    const next = this.lines[this.i];
    if (next !== undefined && next.indent > owner) unsupported();
  }

  private map(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.i]; line?.indent === indent; line = this.lines[this.i]) {
      const m = KEY.exec(line.text);
      const key = m?.[1];
      // yaml refuses implicit keys over 1,024 characters; such a key is left to it.
      if (key === undefined || key.length > 1000 || SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) unsupported();
      this.i++;
      const value = scalar(m?.[2] ?? '');
      if (value === undefined) map[key] = this.nested(indent, true);
      else {
        this.endOfScalar(indent);
        map[key] = value;
      }
    }
    return map;
  }

  private seq(indent: number): unknown[] {
    const seq: unknown[] = [];
    for (let line = this.lines[this.i]; line?.indent === indent; line = this.lines[this.i]) {
      const dash = SEQ_ENTRY.exec(line.text);
      if (dash === null) break;
      const content = line.text.slice(dash[0].length);
      if (content === '' || content.startsWith('#')) {
        this.i++;
        seq.push(this.nested(indent, false));
      } else if (KEY.test(content)) {
        // `- key: value`: a map whose first line starts after the dash, read as if it stood on its own line.
        const column = indent + dash[0].length;
        this.lines[this.i] = { indent: column, text: content };
        seq.push(this.map(column));
      } else {
        this.i++;
        seq.push(scalar(content));
        this.endOfScalar(indent);
      }
    }
    return seq;
  }
}

/** The lines that carry content (blank and comment-only lines dropped), each with its indentation. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.replace(/^ +/, '');
    if (/^ *$/.test(body) || body.startsWith('#')) continue;
    lines.push({ indent: raw.length - body.length, text: body });
  }
  return lines;
}

/** The document as `yaml` would give it, or `undefined` when it is not plain block YAML of the kind read here. */
export function parsePlainYaml(text: string): unknown {
  if (UNSUPPORTED_TEXT.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines.length === 0) return undefined;
  try {
    return new Reader(lines).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
