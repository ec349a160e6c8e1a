import { createRequire } from 'node:module';
import { keepLine, keptLine, type KeptLine } from './pdf-line-memo.js';

/**
 * pdfmake 0.3's line breaker (`LayoutBuilder.buildNextLine`) is quadratic in the length of a paragraph, and worse
 * for a long word: for every word it copies the rest of the paragraph (`_inlines.slice(1)`, `shift`, `unshift`),
 * and for every line of a word wider than the line it measures prefixes of the *whole* rest of the word (a binary
 * search from 1 to its length, then the width of the rest), each measured prefix staying in pdfkit's layout cache.
 * A 20,000-character Chinese paragraph took 9 s; a 32,000-character word 58 s and 2 GB; a 200,000-character word
 * 25 minutes and 4.4 GB. This is the same algorithm, linear: the paragraph is consumed through a cursor, the words
 * glued to the next one are looked ahead only as far as they are glued, the longest prefix that fits is found by
 * galloping (1, 2, 4 … characters, then a binary search between the last two) so that only about twice a line is
 * ever measured, and the width of a long rest is the word's width less the prefix's. The lines are the ones
 * pdfmake makes (the test compares them), except that a character outside the BMP is never cut in half.
 */

/** The parts of pdfmake's measured word (inline) that line breaking reads and writes. */
export type PdfInline = {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  [key: string]: unknown;
};

/** The parts of pdfmake's Line used here. */
type PdfLine = {
  hasEnoughSpaceForInline(inline: PdfInline, nextInlines: PdfInline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: PdfInline): void;
  lastLineInParagraph: boolean;
  inlines: PdfInline[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
  newLineForced?: boolean;
  /** The line holds the measured words themselves, not yet placed (`addShared`). */
  sharedWords?: boolean;
  /** The line as kept for later layouts (pdf-line-memo.ts). */
  kept?: KeptLine<PdfInline>;
};

export type TextNode = { _inlines?: PdfInline[] };
type LayoutBuilderThis = { writer: { context(): { availableWidth: number } } };
export type BuildNextLine = (this: LayoutBuilderThis, textNode: TextNode) => PdfLine | null;

const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine: unknown } } })
  .default;
const Line = (require('pdfmake/js/Line.js') as { default: new (maxWidth: number) => PdfLine }).default;
const TextInlines = (
  require('pdfmake/js/TextInlines.js') as {
    default: new (pdfDocument: null) => { widthOfText(text: string, inline: PdfInline): number };
  }
).default;

/** pdfmake's own line breaker. */
const pdfmakeBuildNextLine = LayoutBuilder.prototype.buildNextLine as BuildNextLine;

/** A rest of a hard-wrapped word longer than this is not measured again: its width is the word's less the prefix's. */
const MEASURED_REST = 1000;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * The longest prefix of `text` (at least one character) whose width is at most `maxWidth`, as pdfmake's binary
 * search finds it, but measuring only prefixes up to twice the answer. Never ends between a surrogate pair.
 */
export function maxFitLength(text: string, maxWidth: number, width: (prefix: string) => number): number {
  let fits = 0;
  let tooWide = text.length + 1;
  for (let probe = 1; ; probe *= 2) {
    const length = Math.min(probe, text.length);
    if (width(text.substring(0, length)) > maxWidth) {
      tooWide = length;
      break;
    }
    fits = length;
    if (length === text.length) break;
  }
  for (let low = fits + 1, high = tooWide - 1; low <= high;) {
    const mid = Math.floor((low + high) / 2);
    if (width(text.substring(0, mid)) <= maxWidth) {
      fits = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  fits = Math.max(fits, 1);
  if (fits < text.length && isHighSurrogate(text.charCodeAt(fits - 1))) return fits > 1 ? fits - 1 : fits + 1;
  return fits;
}

const NOTHING_GLUED: PdfInline[] = [];

/** The inlines glued to `queue[index]` (no break allowed between them), as far as pdfmake's Line looks ahead. */
function gluedAfter(queue: readonly PdfInline[], index: number): PdfInline[] {
  if (queue[index]?.noNewLine !== true) return NOTHING_GLUED;
  const glued: PdfInline[] = [];
  for (let i = index + 1; i < queue.length; i++) {
    const next = queue[i] as PdfInline;
    glued.push(next);
    if (next.noNewLine !== true) break;
  }
  return glued;
}

/**
 * Cuts `inline` to its first `length` characters: the head and the rest, each a new inline with its width (the
 * measured word itself is left as it is: a later layout of the document gets the same words).
 */
function splitInline(
  inline: PdfInline,
  length: number,
  measure: (text: string, inline: PdfInline) => number,
): { head: PdfInline; rest: PdfInline } {
  const head: PdfInline = { ...inline, text: inline.text.substring(0, length) };
  const rest: PdfInline = { ...inline, text: inline.text.substring(length) };
  head.width = measure(head.text, head);
  rest.width = rest.text.length <= MEASURED_REST ? measure(rest.text, rest) : inline.width - head.width;
  return { head, rest };
}

/**
 * Adds `inline` to `line` as pdfmake's `Line.addInline` does, without setting the inline's position: the line's
 * words stay the measured ones, shared by every layout, and the line is placed by `pdf-line-runs.ts`.
 */
function addShared(line: PdfLine, inline: PdfInline): void {
  if (line.inlines.length === 0) line.leadingCut = (inline['leadingCut'] as number | undefined) ?? 0;
  line.trailingCut = (inline['trailingCut'] as number | undefined) ?? 0;
  line.inlines.push(inline);
  line.inlineWidths += inline.width;
  if (inline['lineEnd'] === true) line.newLineForced = true;
}

/** Whether lines keep the measured words and leave placing them to `pdf-line-runs.ts` (else each word is copied). */
let sharing = false;

/** The line kept from an earlier layout, consuming the same words of `queue`. */
function lineFromKept(kept: KeptLine<PdfInline>, queue: PdfInline[]): PdfLine {
  for (const [index, rest] of kept.rests) queue[index] = rest;
  queue.splice(0, kept.consumed);
  const line = new Line(kept.width);
  line.inlines = kept.words;
  line.inlineWidths = kept.inlineWidths;
  line.leadingCut = kept.leadingCut;
  line.trailingCut = kept.trailingCut;
  if (kept.newLineForced) line.newLineForced = true;
  line.lastLineInParagraph = kept.lastLineInParagraph;
  line.sharedWords = true;
  line.kept = kept;
  return line;
}

/** The linear `buildNextLine`: one line of `textNode`, consuming its inlines, or null when none is left. */
export const linearBuildNextLine: BuildNextLine = function (this: LayoutBuilderThis, textNode: TextNode) {
  const queue = textNode._inlines;
  if (queue === undefined || queue.length === 0) return null;
  const width = this.writer.context().availableWidth;
  const shared = sharing && (textNode as { id?: unknown }).id === undefined;
  const first = queue[0] as PdfInline;
  const known = shared ? keptLine(first, width) : undefined;
  if (known !== undefined) return lineFromKept(known, queue);
  const line = new Line(width);
  const inlines = new TextInlines(null);
  const measure = (text: string, inline: PdfInline): number => inlines.widthOfText(text, inline);
  let next = 0;
  let forceContinue = false;
  const rests: [number, PdfInline][] = [];
  while (next < queue.length) {
    let inline = queue[next] as PdfInline;
    if (!forceContinue && !line.hasEnoughSpaceForInline(inline, gluedAfter(queue, next))) break;
    next += 1;
    let hardWrap = false;
    const available = line.getAvailableWidth();
    if (inline.noWrap !== true && inline.text.length > 1 && inline.width > available) {
      const fit = maxFitLength(inline.text, available, (prefix) => measure(prefix, inline));
      if (fit < inline.text.length) {
        const cut = splitInline(inline, fit, measure);
        next -= 1;
        queue[next] = cut.rest;
        rests.push([next, cut.rest]);
        inline = cut.head;
        hardWrap = true;
      }
    }
    if (shared) addShared(line, inline);
    else line.addInline(hardWrap ? inline : { ...inline });
    forceContinue = inline.noNewLine === true && !hardWrap;
  }
  queue.splice(0, next);
  line.lastLineInParagraph = queue.length === 0;
  if (!shared) return line;
  line.sharedWords = true;
  line.kept = {
    width,
    consumed: next,
    rests,
    words: line.inlines,
    inlineWidths: line.inlineWidths,
    leadingCut: line.leadingCut,
    trailingCut: line.trailingCut,
    newLineForced: line.newLineForced === true,
    lastLineInParagraph: line.lastLineInParagraph,
  };
  keepLine(first, line.kept);
  return line;
};

/** Whether the linear line breaker is installed: it never changes a measured word (it copies what it places). */
export const leavesWordsAlone = (): boolean => LayoutBuilder.prototype.buildNextLine === linearBuildNextLine;

/** Installs the linear line breaker into pdfmake (a process-wide singleton), or (for tests) puts pdfmake's own back. */
export function useLinearLineBreaker(enabled = true, shareWords = false): void {
  LayoutBuilder.prototype.buildNextLine = enabled ? linearBuildNextLine : pdfmakeBuildNextLine;
  sharing = enabled && shareWords;
}
