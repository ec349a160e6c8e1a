import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { parsePlainYaml } from './plain-yaml.js';

const examples = new URL('../../examples/', import.meta.url);
const files = readdirSync(examples).filter((f) => /\.ya?ml$/.test(f));
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');

/** What `yaml` gives for the text, or `undefined` when it finds an error (the fast path must then not answer). */
function byYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
}

/** The fast reader either declines or gives exactly what yaml gives. */
function expectAgrees(text: string): void {
  const fast = parsePlainYaml(text);
  if (fast === undefined) return;
  expect(fast).toStrictEqual(byYaml(text));
}

describe('parsePlainYaml', () => {
  it('reads the seed itself, exactly as yaml does', () => {
    const text = read('yuhua-2020.yaml');
    expect(parsePlainYaml(text)).not.toBeUndefined();
    expect(parsePlainYaml(text)).toStrictEqual(byYaml(text));
  });

  it.each(files)('gives what yaml gives for %s, or declines (flow maps)', (file) => expectAgrees(read(file)));

  it.each([
    [
      'scalars of the core schema',
      'a: ~\nb: null\nc: True\nd: 0o17\ne: -12\nf: 0x1F\ng: .inf\nh: .NaN\ni: 1e3\nj: 1.50\nk: 1_0\nl: 596.04\n',
    ],
    ['quoted scalars and comments', "a: 'it''s' # note\nb: \"x y\"\n# c\nc: plain # note\nd: a#b\ne: []\nf: {}\n"],
    ['sequences at the key indentation and nested', 'a:\n- 1\n- x: 1\n  y:\n  - 2\n  z: 3\n-\n  k: v\n-\nb: 2\n'],
    ['a dash followed by several spaces', 'a:\n  -   x: 1\n      y: 2\n  - z\n'],
    ['empty values', 'a:\nb: # note\n  c: 1\nd:\n'],
  ])('agrees with yaml on %s', (_name, text) => {
    expect(parsePlainYaml(text)).not.toBeUndefined();
    expectAgrees(text);
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tab', 'a:\t1\n'],
    ['a flow sequence', 'a: [1, 2]\n'],
    ['an escape', 'a: "x\\ny"\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a key yaml reads as null', 'null: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['JSON', '{"a": 1}'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it('never disagrees with yaml on mutated examples', () => {
    const texts = files.map(read);
    const pieces = ['', ' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '\n', '\n  ', '[]', '{}', 'x', '1', '.5'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let text = texts[which] ?? '';
          for (const [at, cut, piece] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + piece + text.slice(i + cut);
          }
          expectAgrees(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never disagrees with yaml on generated documents', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('null', '~', 'true', 'False', '0o7', '0x1f', '-0', '1e5', '.inf', '1.0', '- a', 'a: b', 'a #b'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.nat({ max: 2 }), (doc, style) => {
        const options = [{}, { indentSeq: false }, { defaultStringType: 'QUOTE_SINGLE' as const }][style] ?? {};
        expectAgrees(stringify(doc, options));
      }),
      { numRuns: 500 },
    );
  });
});
