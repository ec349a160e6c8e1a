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

/** Keys a word from pdfmake's text breaker has when it carries no style of its own. */
const PLAIN_KEYS = new Set(['text', 'lineEnd', 'noNewLine']);
const plain = (word: Word): boolean => {
  for (const key in word) if (!PLAIN_KEYS.has(key)) return false;
  return true;
};

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

/**
 * An unstyled word with the style its text resolved to (`probe`), as one new object of one shape: the word from the
 * text breaker given its twenty-odd properties one by one grew its property store again and again (a tenth of all
 * the memory a report allocated). Every value is the one pdfmake's measure sets; `lineEnd` and `noNewLine` are only
 * ever tested for truth.
 */
const styledWord = (word: Word, probe: Word): Word => ({
  text: word.text,
  lineEnd: word['lineEnd'],
  noNewLine: word['noNewLine'],
  font: probe['font'],
  alignment: probe['alignment'],
  fontSize: probe['fontSize'],
  fontFeatures: probe['fontFeatures'],
  characterSpacing: probe['characterSpacing'],
  color: probe['color'],
  decoration: probe['decoration'],
  decorationColor: probe['decorationColor'],
  decorationStyle: probe['decorationStyle'],
  decorationThickness: probe['decorationThickness'],
  background: probe['background'],
  link: probe['link'],
  linkToPage: probe['linkToPage'],
  linkToDestination: probe['linkToDestination'],
  noWrap: probe['noWrap'],
  opacity: probe['opacity'],
  sup: probe['sup'],
  sub: probe['sub'],
  width: 0,
  height: probe['height'],
  leadingCut: 0,
  trailingCut: 0,
});

/** pdfmake's measure of `words`, resolving the style of unstyled words once. */
const sharedStyleMeasure: Measure = function (this: TextInlinesThis, words: Word[], styleStack: StyleStack) {
  if (words.length < WORTH_IT) return pdfmakeMeasure.call(this, words, styleStack);
  const isShared = words.map((word, i) => i > 0 && plain(word));
  pdfmakeMeasure.call(
    this,
    words.filter((_, i) => !isShared[i]),
    styleStack,
  );
  if (!isShared.includes(true)) return words;
  const probe: Word = { text: '' };
  pdfmakeMeasure.call(this, [probe], styleStack);
  const property = (name: string, fallback: unknown) =>
    StyleContextStack.getStyleProperty({}, styleStack, name, fallback);
  const keepLeading = property('preserveLeadingSpaces', false) === true;
  const keepTrailing = property('preserveTrailingSpaces', false) === true;
  for (let i = 1; i < words.length; i++) {
    if (!isShared[i]) continue;
    const word = styledWord(words[i] as Word, probe);
    word['width'] = this.widthOfText(word.text, word);
    const leading = keepLeading ? null : leadingSpace(word.text);
    if (leading !== null) word['leadingCut'] = this.widthOfText(leading[0], word);
    const trailing = keepTrailing ? null : trailingSpace(word.text);
    if (trailing !== null) word['trailingCut'] = this.widthOfText(trailing[0], word);
    words[i] = word;
  }
  return words;
};

/** Installs the shared-style measure into pdfmake, or (for tests) puts pdfmake's own back. */
export function useSharedStyleMeasure(enabled = true): void {
  TextInlines.prototype.measure = enabled ? sharedStyleMeasure : pdfmakeMeasure;
}
