import { createRequire } from 'node:module';

/**
 * pdfmake measures every word of a text (in Chinese: every character) by resolving about twenty style properties
 * through the style stack one by one, each time pushing and popping the word: most of the time a long text takes
 * to measure, and much garbage. The words of one text that carry no style of their own (all of a paragraph's, as
 * Jixiao writes them) resolve every property the same way, so this resolves them once per text with pdfmake's own
 * code and gives each word the result; only its width and its cut leading and trailing spaces depend on the word.
 * Words with a style of their own, and the first word (it carries the paragraph's leading indent), are measured by
 * pdfmake as before. The widths and positions are the same (the line test records them).
 */

type Word = { text: string; [key: string]: unknown };
type StyleStack = unknown;
type TextInlinesThis = { widthOfText(text: string, inline: Word): number };
type Measure = (this: TextInlinesThis, words: Word[], styleStack: StyleStack) => Word[];

const require = createRequire(import.meta.url);
const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: { prototype: { measure: unknown } } }).default;
const StyleContextStack = (
  require('pdfmake/js/StyleContextStack.js') as {
    default: { getStyleProperty(item: object, stack: StyleStack, property: string, fallback: unknown): unknown };
  }
).default;

const pdfmakeMeasure = TextInlines.prototype.measure as Measure;

/** What a word resolves from the style stack, in the order pdfmake's measure sets them (one object shape for all). */
const RESOLVED = [
  'font',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'noWrap',
  'opacity',
  'sup',
  'sub',
] as const;

/** Keys a word from pdfmake's text breaker has when it carries no style of its own. */
const PLAIN_KEYS = new Set(['text', 'lineEnd', 'noNewLine']);
const plain = (word: Word): boolean => Object.keys(word).every((key) => PLAIN_KEYS.has(key));

const LEADING = /^\s+/;
const TRAILING = /\s+$/;

/**
 * Whether the character `code` may be white space (\s): every character of \s answers true (a few controls below the
 * space as well, which the regular expression then turns down). Most words have none at either end, so the
 * regular expressions run only for the few that may.
 */
const maybeSpace = (code: number): boolean =>
  code <= 0x20 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
const leadingSpace = (text: string) => (maybeSpace(text.charCodeAt(0)) ? LEADING.exec(text) : null);
const trailingSpace = (text: string) => (maybeSpace(text.charCodeAt(text.length - 1)) ? TRAILING.exec(text) : null);

/**
 * Fewer words than this are measured by pdfmake alone: the shared path measures the first word and a probe in full,
 * so it gains from the third word on. A table's cells (a figure, a few words) are most of a report's texts.
 */
const WORTH_IT = 3;

/** pdfmake's measure of `words`, resolving the style of unstyled words once. */
const sharedStyleMeasure: Measure = function (this: TextInlinesThis, words: Word[], styleStack: StyleStack) {
  if (words.length < WORTH_IT) return pdfmakeMeasure.call(this, words, styleStack);
  const shared = words.filter((word, i) => i > 0 && plain(word));
  pdfmakeMeasure.call(
    this,
    words.filter((word, i) => i === 0 || !plain(word)),
    styleStack,
  );
  if (shared.length === 0) return words;
  const probe: Word = { text: '' };
  pdfmakeMeasure.call(this, [probe], styleStack);
  const property = (name: string, fallback: unknown) =>
    StyleContextStack.getStyleProperty({}, styleStack, name, fallback);
  const keepLeading = property('preserveLeadingSpaces', false) === true;
  const keepTrailing = property('preserveTrailingSpaces', false) === true;
  for (const word of shared) {
    for (const key of RESOLVED) word[key] = probe[key];
    word['width'] = this.widthOfText(word.text, word);
    word['height'] = probe['height'];
    const leading = keepLeading ? null : leadingSpace(word.text);
    word['leadingCut'] = leading === null ? 0 : this.widthOfText(leading[0], word);
    const trailing = keepTrailing ? null : trailingSpace(word.text);
    word['trailingCut'] = trailing === null ? 0 : this.widthOfText(trailing[0], word);
  }
  return words;
};

/** Installs the shared-style measure into pdfmake, or (for tests) puts pdfmake's own back. */
export function useSharedStyleMeasure(enabled = true): void {
  TextInlines.prototype.measure = enabled ? sharedStyleMeasure : pdfmakeMeasure;
}
