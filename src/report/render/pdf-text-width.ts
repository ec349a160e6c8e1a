import { createRequire } from 'node:module';

/**
 * pdfkit measures a text by laying it out through its font's cache of runs (shared by the documents of a process,
 * pdf-fonts.ts): a loop over the characters, a slice per run and a lookup among up to 20,000 strings. A report
 * measures every character of its text that way (in Chinese each is a word), and the lines' runs (pdf-line-runs.ts)
 * fill that cache with long strings, so it is emptied every few documents and the characters are laid out by fontkit
 * again. This keeps each font's advance of each measured text (in the font's 1,000 units, what pdfkit's layout gives)
 * in a map of its own and turns it into a width with pdfkit's own arithmetic, so every width is the same number.
 */

type PdfkitFont = { font: object; widthOfString(text: string, size: number, features?: unknown): number };
type Inline = { font: PdfkitFont; fontSize: number; fontFeatures?: unknown; characterSpacing?: number };
type WidthOfText = (this: unknown, text: string, inline: Inline) => number;

const require = createRequire(import.meta.url);
const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: { prototype: { widthOfText: unknown } } })
  .default;
const pdfmakeWidthOfText = TextInlines.prototype.widthOfText as WidthOfText;

/** Texts kept per font at most; past that the map starts again (a text is measured again when next seen). */
const MAX_TEXTS = 100_000;

/** Advances by parsed font (one per font file in a process: pdf-fonts.ts shares it between documents). */
const advances = new WeakMap<object, Map<string, number>>();

/** The advance of `text` in `font` in units of 1/1,000 of the font size, as pdfkit's layout gives it. */
function textAdvance(font: PdfkitFont, text: string): number {
  let known = advances.get(font.font);
  if (known === undefined || known.size >= MAX_TEXTS) {
    known = new Map();
    advances.set(font.font, known);
  }
  let advance = known.get(text);
  if (advance === undefined) {
    // At size 1,000 pdfkit's scale is 1: its layout's advance exactly.
    advance = font.widthOfString(text, 1000);
    known.set(text, advance);
  }
  return advance;
}

/** pdfmake's `widthOfText`, the advance remembered: `advance × (size ÷ 1000)` as pdfkit computes it. */
const rememberedWidthOfText: WidthOfText = function (this: unknown, text, inline) {
  if (inline.fontFeatures) return pdfmakeWidthOfText.call(this, text, inline);
  const scale = inline.fontSize / 1000;
  return textAdvance(inline.font, text) * scale + (inline.characterSpacing || 0) * (text.length - 1);
};

/** Installs the remembered widths into pdfmake (a process-wide singleton), or (for tests) puts pdfmake's own back. */
export function useRememberedWidths(enabled = true): void {
  TextInlines.prototype.widthOfText = enabled ? rememberedWidthOfText : pdfmakeWidthOfText;
}
