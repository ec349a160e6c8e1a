import fc from 'fast-check';
import JSZip from 'jszip';
import { Entries, Raw, type Tree } from './fuzz-world.js';

/** Hostile values for the fuzz surfaces: strings, JSON values, dataset documents, YAML and workbook files. */

const repeat = (text: string, n: number) => text.repeat(Math.max(0, n));

/** Strings meant to break a parser, a path, a file name, a spreadsheet or a database. */
export const TRICKY_STRINGS: readonly string[] = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$ref',
  '${7*7}',
  '{{7*7}}',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid","点击")',
  '+SUM(1,1)',
  '-1+1',
  '@SUM(1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/dev/zero',
  'CON',
  'nul.yaml',
  '%00',
  '%2e%2e%2f',
  '\u202Etxt.exe',
  '\uFEFF',
  '\u2028\u2029',
  '\u0085',
  '\uFFFF\uFFFE',
  '\uD800',
  '\uDC00x',
  'a\uD83D',
  '😀👨‍👩‍👧‍👦',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '+1',
  ' 1',
  '１２３',
  '1,000.00',
  '999999999999999999999.99',
  '-9223372036854775809',
  '0.0000000000000000001',
  '<script>alert(1)</script>',
  "'; DROP TABLE revisions; --",
  '" OR 1=1 --',
  '\\',
  '"',
  '\r\n',
  '\t',
  'null',
  'true',
  '[]',
  '{}',
  '~',
  '*alias',
  '&anchor',
  '!!js/function "function(){}"',
  '长沙市雨花区行政审批服务局',
];

/** A control character the database cannot store (refused with its path). */
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A long text: up to `max` characters of one kind (no spaces, spaces, CJK, astral, digits). */
export const longString = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('a', '中', '𝒳', ' ', '0', 'ab ', '\n', '="'), fc.integer({ min: 100, max }))
    .map(([unit, n]) => repeat(unit, Math.ceil(n / unit.length)).slice(0, n));

export const hostileString = (longMax = 20_000): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
    { arbitrary: fc.string({ unit: fc.oneof(controlChar, loneSurrogate, fc.constant('x')), maxLength: 8 }), weight: 2 },
    { arbitrary: longString(longMax), weight: 1 },
  );

const hostileNumber: fc.Arbitrary<Tree> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<Tree>(
    0,
    -1,
    2_147_483_647,
    2_147_483_648,
    new Raw('9007199254740993'),
    1e308,
    -1e308,
    5e-324,
    new Raw('1e400'),
    new Raw('-0'),
    new Raw('1E+2'),
    new Raw('123456789012345678901234567890'),
    new Raw('0.1e-400'),
  ),
);

/** Deeply nested JSON, as text (building it as a value would overflow the stack before the server sees it). */
export const deepJson: fc.Arbitrary<Tree> = fc
  .tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 100, max: 100_000 }), fc.boolean())
  .map(([open, depth, closed]) => {
    const close = open === '[' ? ']' : '}';
    return new Raw(repeat(open, depth) + '1' + (closed ? repeat(close, depth) : ''));
  });

const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'toJSON');

/** Any JSON value, leaning towards the ones that break things. */
export const hostileValue: fc.Arbitrary<Tree> = fc.letrec<{ value: Tree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString(), weight: 5 },
    { arbitrary: hostileNumber, weight: 3 },
    { arbitrary: fc.constantFrom<Tree>(null, true, false), weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc
        .array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 8 })), tie('value')), { maxLength: 4 })
        .map((entries) => new Entries(entries)),
      weight: 1,
    },
    { arbitrary: deepJson, weight: 1 },
  ),
})).value;

/** Every path to a value inside a JSON template (objects and arrays, not the root). */
export function pathsOf(
  tree: unknown,
  depth = Infinity,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (prefix.length >= depth) return out;
  const children: [string | number, unknown][] = Array.isArray(tree)
    ? tree.map((v, i) => [i, v])
    : tree !== null && typeof tree === 'object'
      ? Object.entries(tree)
      : [];
  for (const [key, value] of children) {
    out.push([...prefix, key]);
    pathsOf(value, depth, [...prefix, key], out);
  }
  return out;
}

export type Edit =
  | { kind: 'set'; path: (string | number)[]; value: Tree }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'add'; path: (string | number)[]; key: string; value: Tree }
  | { kind: 'multiply'; path: (string | number)[]; times: number };

/** The template with one edit, copying only along the edited path. */
export function applyEdit(tree: Tree, edit: Edit, depth = 0): Tree {
  const key = edit.path[depth];
  const last = depth === edit.path.length - 1 || edit.path.length === 0;
  if (edit.path.length === 0 || tree === null || typeof tree !== 'object' || tree instanceof Raw) {
    if (edit.kind === 'add') return new Entries([...entriesOf(tree), [edit.key, edit.value]]);
    return edit.kind === 'set' ? edit.value : tree;
  }
  if (tree instanceof Entries) return tree;
  if (Array.isArray(tree)) {
    const index = Number(key);
    if (!(index in tree)) return tree;
    const copy = [...tree];
    if (last && edit.kind === 'delete') copy.splice(index, 1);
    else if (last && edit.kind === 'set') copy[index] = edit.value;
    else if (last && edit.kind === 'multiply')
      copy.splice(index, 1, ...Array.from({ length: edit.times }, () => tree[index] ?? null));
    else copy[index] = applyEdit(tree[index] ?? null, edit, depth + 1);
    return copy;
  }
  const k = String(key);
  if (!(k in tree)) return tree;
  if (last && edit.kind === 'delete') return Object.fromEntries(Object.entries(tree).filter(([name]) => name !== k));
  if (last && edit.kind === 'set') return { ...tree, [k]: edit.value };
  if (last && edit.kind === 'add') {
    const inner = tree[k] ?? null;
    return { ...tree, [k]: new Entries([...entriesOf(inner), [edit.key, edit.value]]) };
  }
  return { ...tree, [k]: applyEdit(tree[k] ?? null, edit, depth + 1) };
}

function entriesOf(tree: Tree): (readonly [string, Tree])[] {
  if (tree instanceof Entries) return [...tree.entries];
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree) && !(tree instanceof Raw))
    return Object.entries(tree);
  return [];
}

/** One hostile edit somewhere in a template. */
export function editOf(template: Tree, depth = Infinity): fc.Arbitrary<Edit> {
  const paths = pathsOf(template, depth);
  const path = paths.length === 0 ? fc.constant<(string | number)[]>([]) : fc.constantFrom(...paths);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), path, value: hostileValue }), weight: 8 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), path }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        path: fc.oneof(fc.constant<(string | number)[]>([]), path),
        key: fc.oneof(protoKey, fc.string({ maxLength: 12 })),
        value: hostileValue,
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('multiply' as const),
        path,
        times: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 100, max: 6000 })),
      }),
      weight: 1,
    },
  );
}

/** A template as sent, or with 1–3 hostile edits. */
export function editedTemplate(template: Tree, maxEdits = 3, depth = Infinity): fc.Arbitrary<Tree> {
  return fc
    .array(editOf(template, depth), { minLength: 1, maxLength: maxEdits })
    .map((edits) => edits.reduce<Tree>((t, e) => applyEdit(t, e), template));
}

/** Text that should be JSON but is not quite: truncated, doubled, bytes that are not UTF-8. */
export function brokenJsonText(valid: string): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, valid.length - 1) }).map((n) => Buffer.from(valid.slice(0, n))),
    fc.constant(Buffer.from(`${valid}${valid}`)),
    fc.constant(Buffer.from(valid.replace('{', '{"__proto__":{"polluted":1},'))),
    fc.constant(Buffer.from(valid.replace('{', '{"constructor":{"prototype":{"polluted":1}},'))),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
    fc.constant(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])),
    fc.constant(Buffer.from('\uFEFF' + valid)),
    fc.constant(Buffer.from(valid, 'utf16le')),
    fc.constantFrom(Buffer.from(''), Buffer.from(' '), Buffer.from('null'), Buffer.from('[]'), Buffer.from('"x"')),
  );
}

/** YAML and JSON upload contents: random, truncated or edited seed, alias bombs, deep nesting, odd encodings. */
export function datasetText(seedYaml: string, seedJson: string): fc.Arbitrary<Buffer> {
  const lines = seedYaml.split('\n');
  const cut = (text: string) =>
    fc.integer({ min: 0, max: text.length }).map((n) => Buffer.from(text.slice(0, n), 'utf8'));
  const lineEdit = fc
    .tuple(
      fc.integer({ min: 0, max: lines.length - 1 }),
      fc.constantFrom('delete', 'dup', 'replace', 'indent'),
      hostileString(2000),
    )
    .map(([at, how, text]) => {
      const copy = [...lines];
      if (how === 'delete') copy.splice(at, 1);
      else if (how === 'dup') copy.splice(at, 0, copy[at] ?? '');
      else if (how === 'indent') copy[at] = `   ${copy[at] ?? ''}`;
      else copy[at] = (copy[at] ?? '').replace(/:\s.*$/, `: ${JSON.stringify(text)}`);
      return Buffer.from(copy.join('\n'), 'utf8');
    });
  const aliasBomb = fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([levels, fan]) => {
    const out = ['a0: &a0 ["lol"]'];
    for (let i = 1; i <= levels; i++)
      out.push(`a${i}: &a${i} [${Array.from({ length: fan }, () => `*a${i - 1}`).join(', ')}]`);
    out.push(`department: *a${levels}`);
    return Buffer.from(out.join('\n'));
  });
  const mergeBomb = fc.integer({ min: 2, max: 200 }).map((n) => {
    const out = ['base: &b {x: 1}'];
    for (let i = 0; i < n; i++)
      out.push(`k${i}: &k${i} {<<: [*b${i === 0 ? '' : `, *k${i - 1}`}]}`.replace('*b, ', '*b, '));
    return Buffer.from(out.join('\n'));
  });
  const deepYaml = fc
    .tuple(fc.constantFrom('- ', '[', '{a: ', 'a:\n '), fc.integer({ min: 100, max: 50_000 }))
    .map(([open, n]) => Buffer.from(repeat(open, n) + '1'));
  const tags = fc
    .constantFrom(
      '!!js/function "function(){return 1}"',
      '!!binary aGVsbG8=',
      '!!timestamp 2001-12-14t21:59:43.10-05:00',
      '!!set {a, b}',
      '!!omap [a: 1]',
      '!custom 1',
      '!<tag:yaml.org,2002:str> x',
      '!!float .nan',
      '!!int 0x7fffffffffffffffffff',
      '!!python/object/apply:os.system ["true"]',
    )
    .map((tag) => Buffer.from(seedYaml.replace(/^fiscalYear: .*$/m, `fiscalYear: ${tag}`)));
  return fc.oneof(
    { arbitrary: cut(seedYaml), weight: 4 },
    { arbitrary: lineEdit, weight: 4 },
    { arbitrary: cut(seedJson), weight: 2 },
    { arbitrary: brokenJsonText(seedJson), weight: 2 },
    { arbitrary: aliasBomb, weight: 2 },
    { arbitrary: mergeBomb, weight: 1 },
    { arbitrary: deepYaml, weight: 2 },
    { arbitrary: tags, weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s)), weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        Buffer.from(''),
        Buffer.from('---\n---\n'),
        Buffer.from('~'),
        Buffer.from('[]'),
        Buffer.from('"text"'),
        Buffer.from(`${seedYaml}\n---\n${seedYaml}`),
        Buffer.from(`\uFEFF${seedYaml}`),
        Buffer.from(seedYaml, 'utf16le'),
        Buffer.from(seedYaml.replace(/\n/g, '\r')),
        Buffer.from(seedYaml),
        Buffer.from(seedJson),
      ),
      weight: 2,
    },
  );
}

/** File names with path tricks, for the import's fileName parameter. */
export const fileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '../../../../tmp/x.yaml',
    '..\\..\\windows\\system32\\x.xlsx',
    '/etc/shadow.json',
    'C:\\Users\\x.yaml',
    '\\\\server\\share\\x.xlsx',
    'x.yaml.xlsx',
    'x.xlsx.yaml',
    '.yaml',
    '.xlsx',
    'x.',
    'X.YAML',
    'x.Yml',
    'con.xlsx',
    '2020-自评.xlsx',
    'a'.repeat(255),
    'a'.repeat(256),
    '\u202Exslx.yaml',
    'x%00.yaml',
    'x\u0000.yaml',
    'x\n.yaml',
    '😀.json',
    '\uD800.yaml',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s}.yaml`),
  fc.string({ maxLength: 300 }),
);

/** Percent-encodes a value for a query string, as a browser would, keeping lone surrogates as bytes. */
export function encodeQueryValue(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += '%ED%A0%80';
    else out += /[A-Za-z0-9_.~-]/.test(ch) ? ch : encodeURIComponent(ch);
  }
  return out;
}

/** The files workbook cases are built from, made once (a zip bomb takes a second to compress). */
export type WorkbookKit = {
  seed: Buffer;
  zip: JSZip;
  /** The seed's parts, read once: a case rebuilds the zip from them instead of inflating the seed again. */
  parts: Map<string, Uint8Array>;
  sheets: string[];
  bomb: Buffer;
  lyingBomb: Buffer;
  manyEntries: Buffer;
  manyRows: Buffer;
};

let kit: Promise<WorkbookKit> | undefined;

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return Buffer.from(
    await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
  );
}

/** Rewrites the uncompressed size of every central directory and local header (a zip that lies about its sizes). */
export function lieAboutSizes(data: Buffer, size: (index: number) => number): Buffer {
  const copy = Buffer.from(data);
  let n = 0;
  for (let at = 0; at + 46 <= copy.length; at++) {
    const signature = copy.readUInt32LE(at);
    if (signature === 0x02014b50) copy.writeUInt32LE(size(n++) >>> 0, at + 24);
    else if (signature === 0x04034b50 && at + 30 <= copy.length) copy.writeUInt32LE(size(n++) >>> 0, at + 22);
  }
  return copy;
}

export function workbookKit(seed: Buffer): Promise<WorkbookKit> {
  kit ??= (async () => {
    const zip = await JSZip.loadAsync(seed);
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    const huge = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(80 * 1024 * 1024)}</sheetData></worksheet>`;
    const bombZip = await JSZip.loadAsync(seed);
    bombZip.file('xl/worksheets/sheet2.xml', huge);
    const bomb = Buffer.from(
      await bombZip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    );
    const many: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) many[`xl/media/x${i}.bin`] = 'x';
    const manyEntries = await zipOf(many);
    const rowsZip = await JSZip.loadAsync(seed);
    const first = sheets[1] ?? 'xl/worksheets/sheet2.xml';
    const xml = (await rowsZip.file(first)?.async('string')) ?? '';
    const rows = Array.from(
      { length: 10_050 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>r${i}</t></is></c></row>`,
    ).join('');
    rowsZip.file(first, xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`));
    const manyRows = Buffer.from(await rowsZip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const parts = new Map<string, Uint8Array>();
    for (const [name, file] of Object.entries(zip.files))
      if (!file.dir) parts.set(name, await file.async('uint8array'));
    return { seed, zip, parts, sheets, bomb, lyingBomb: lieAboutSizes(bomb, () => 1000), manyEntries, manyRows };
  })();
  return kit;
}

/** A cell's content in sheet XML, hostile. */
const hostileCell = fc.oneof(
  hostileString(5000).map((s) => `<is><t>${xmlEscape(s)}</t></is>`),
  fc.constantFrom(
    '<f>1/0</f><v>#DIV/0!</v>',
    '<f>B2*0.9</f>',
    '<f>HYPERLINK("http://example.invalid","x")</f><v>x</v>',
    '<f>WEBSERVICE("http://example.invalid")</f>',
    '<v>1e308</v>',
    '<v>-1e308</v>',
    '<v>NaN</v>',
    '<v>Infinity</v>',
    '<v></v>',
    '<v>99999999999999999999999</v>',
    '<v>0.1234567890123456789</v>',
    '<v>#REF!</v>',
    '<v>99999999</v>',
  ),
);

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(UNSTORABLE, '');
}

type WorkbookRecipe =
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'pk'; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'lie'; sizes: number[] }
  | { kind: 'fixed'; which: 'bomb' | 'lyingBomb' | 'manyEntries' | 'manyRows' | 'empty' | 'seed' | 'oversized' }
  | { kind: 'cell'; sheet: number; cell: number; content: string; type: string }
  | { kind: 'xml'; sheet: number; how: 'truncate' | 'entities' | 'deep' | 'drop' | 'garbage'; at: number }
  | { kind: 'sharedString'; index: number; text: string };

/** Workbook upload recipes; `buildWorkbook` turns one into bytes (cheap ones first: most are refused early). */
export function workbookRecipe(seedLength: number): fc.Arbitrary<WorkbookRecipe> {
  return fc.oneof(
    {
      arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('pk' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: seedLength - 1 }) }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('flip' as const),
        flips: fc.array(fc.tuple(fc.integer({ min: 0, max: seedLength - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('lie' as const),
        sizes: fc.array(
          fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(0xffffffff), fc.integer({ min: 0, max: 0x7fffffff })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('fixed' as const),
        which: fc.constantFrom<'bomb' | 'lyingBomb' | 'manyEntries' | 'manyRows' | 'empty' | 'seed' | 'oversized'>(
          'oversized',
          'bomb',
          'lyingBomb',
          'manyEntries',
          'manyRows',
          'empty',
          'seed',
        ),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('cell' as const),
        sheet: fc.nat(),
        cell: fc.nat(),
        content: hostileCell,
        type: fc.constantFrom('inlineStr', 'n', 's', 'e', 'str', 'b', 'd', 'x'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('xml' as const),
        sheet: fc.nat(),
        how: fc.constantFrom<'truncate' | 'entities' | 'deep' | 'drop' | 'garbage'>(
          'truncate',
          'entities',
          'deep',
          'drop',
          'garbage',
        ),
        at: fc.nat(),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('sharedString' as const), index: fc.nat(), text: hostileString(5000) }),
      weight: 2,
    },
  );
}

/** The seed with one part edited (or left out when `edit` is null), deflated at the fastest level. */
async function withPart(kit: WorkbookKit, part: string, edit: ((xml: string) => string) | null): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of kit.parts) {
    if (name !== part) zip.file(name, bytes);
    else if (edit !== null) zip.file(name, edit(Buffer.from(bytes).toString('utf8')));
  }
  // A part the seed does not have (as before: edited from empty).
  if (edit !== null && !kit.parts.has(part)) zip.file(part, edit(''));
  const options = { type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;
  return Buffer.from(await zip.generateAsync(options));
}

export async function buildWorkbook(kit: WorkbookKit, recipe: WorkbookRecipe): Promise<Buffer> {
  switch (recipe.kind) {
    case 'random':
      return Buffer.from(recipe.bytes);
    case 'pk':
      return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(recipe.bytes)]);
    case 'truncate':
      return kit.seed.subarray(0, recipe.at);
    case 'flip': {
      const copy = Buffer.from(kit.seed);
      for (const [at, value] of recipe.flips) copy[at] = value;
      return copy;
    }
    case 'lie':
      return lieAboutSizes(kit.seed, (i) => recipe.sizes[i % recipe.sizes.length] ?? 0);
    case 'fixed':
      if (recipe.which === 'empty') return Buffer.alloc(0);
      // One byte over the upload limit (10 MB): 413, and the connection answered, not cut.
      if (recipe.which === 'oversized')
        return Buffer.concat([kit.seed, Buffer.alloc(10 * 1024 * 1024 + 1 - kit.seed.length)]);
      return kit[recipe.which];
    case 'cell': {
      const sheet = kit.sheets[recipe.sheet % kit.sheets.length] ?? '';
      return withPart(kit, sheet, (xml) => {
        const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
        const found = cells[recipe.cell % Math.max(1, cells.length)];
        if (found === undefined) return xml;
        const replaced = `<c r="${found[1]}" t="${recipe.type}">${recipe.content}</c>`;
        return xml.replace(found[0], replaced);
      });
    }
    case 'xml': {
      const sheet = kit.sheets[recipe.sheet % kit.sheets.length] ?? '';
      if (recipe.how === 'drop') return withPart(kit, sheet, null);
      return withPart(kit, sheet, (xml) => {
        if (recipe.how === 'truncate') return xml.slice(0, recipe.at % Math.max(1, xml.length));
        if (recipe.how === 'garbage') return xml.replace('<sheetData>', '<sheetData><row r="x"><c r="ZZZZ0">');
        if (recipe.how === 'deep')
          return xml.replace('<sheetData>', `<sheetData>${repeat('<x>', 20_000)}${repeat('</x>', 20_000)}`);
        const lol = [
          '<!DOCTYPE worksheet [<!ENTITY a "lollollollollollollollollollol">',
          ...Array.from(
            { length: 9 },
            (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${repeat(`&${i === 0 ? 'a' : 'b'.repeat(i)};`, 10)}">`,
          ),
          '<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
        ].join('');
        return xml
          .replace('<worksheet', `${lol}<worksheet`)
          .replace(
            '<sheetData>',
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&bbbbbbbbb;&ext;</t></is></c></row>',
          );
      });
    }
    case 'sharedString':
      return withPart(kit, 'xl/sharedStrings.xml', (xml) => {
        const texts = [...xml.matchAll(/<t(?: [^>]*)?>[^<]*<\/t>/g)];
        const found = texts[recipe.index % Math.max(1, texts.length)];
        return found === undefined
          ? xml
          : xml.replace(found[0], `<t xml:space="preserve">${xmlEscape(recipe.text)}</t>`);
      });
  }
}
