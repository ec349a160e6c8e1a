import { createRequire } from 'node:module';
import { continuesRun, EPSILON, isPlain, type RenderInline } from './pdf-line-merger.js';
import type { KeptLine } from './pdf-line-memo.js';

/**
 * Placing a line of the measured words (pdf-line-breaker.ts leaves them shared by every layout of a document) as
 * pdfmake's `ElementWriter.alignLine` places a line of words, and at once cutting it into the runs that
 * pdf-line-merger.ts would draw as one text object each. pdfmake gives every word its own position (in Chinese every
 * character is a word) and each layout its own copy of every word; this makes only the line's runs, a few objects a
 * line, with the positions, widths and character spacing that placing the words and merging them give (the same
 * numbers, computed in the same order: every PDF is byte for byte the same, test).
 */

type Word = RenderInline & { leadingCut?: number; alignment?: string };

/** The parts of pdfmake's Line read and set here. */
type PdfLine = {
  inlines: Word[];
  leadingCut: number;
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  sharedWords?: boolean;
  /** The line's runs are made: the merger draws them as they are. */
  placedRuns?: boolean;
  x?: number;
  /** The line as kept for the document's later layouts (pdf-line-memo.ts): its runs are kept with it. */
  kept?: KeptLine<Word>;
  getWidth(): number;
};
type Writer = { context(): { availableWidth: number } };
type AlignLine = (this: Writer, line: PdfLine) => void;

const require = createRequire(import.meta.url);
const ElementWriter = (require('pdfmake/js/ElementWriter.js') as { default: { prototype: { alignLine: unknown } } })
  .default;
const pdfmakeAlignLine = ElementWriter.prototype.alignLine as AlignLine;

/** The word `i` placed at `x` (and, justified, the space pdfmake added before it). */
function placed(word: Word, x: number, shift: number | undefined): Word {
  const copy: Word = { ...word, x };
  if (shift !== undefined) copy['justifyShift'] = shift;
  return copy;
}

/**
 * The runs of `words` placed at `xs` as pdf-line-merger.ts's `mergeRuns` cuts them: a run of plain words of one
 * style with one constant gap (none, or between one-character words), drawn as one word when it is as wide drawn
 * together as apart; anything else word by word.
 */
export function placedRuns(words: readonly Word[], xs: readonly number[], shifts: number | undefined): Word[] {
  const out: Word[] = [];
  const shiftOf = (i: number) => (shifts !== undefined && i > 0 ? shifts : undefined);
  const emit = (from: number, to: number) => {
    const first = words[from] as Word;
    const last = words[to - 1] as Word;
    if (to - from < 2) {
      out.push(placed(first, xs[from] as number, shiftOf(from)));
      return;
    }
    let text = '';
    let apart = 0;
    for (let i = from; i < to; i++) {
      const word = words[i] as Word;
      text += word.text;
      apart += word.width;
    }
    if (Math.abs(first.font.widthOfString(text, first.fontSize) - apart) > EPSILON) {
      for (let i = from; i < to; i++) out.push(placed(words[i] as Word, xs[i] as number, shiftOf(i)));
      return;
    }
    const x0 = xs[from] as number;
    const spacing = (xs[from + 1] as number) - (x0 + first.width);
    const run = placed(first, x0, shiftOf(from));
    run.text = text;
    run.width = (xs[to - 1] as number) + last.width - x0;
    run.characterSpacing = Math.abs(spacing) <= EPSILON ? 0 : spacing;
    out.push(run);
  };
  let start = 0;
  let spacing: number | null = null;
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as Word;
    const b = words[i] as Word;
    const gap = (xs[i] as number) - ((xs[i - 1] as number) + a.width);
    if (isPlain(a) && continuesRun(a, b, gap, spacing)) {
      spacing ??= gap;
      continue;
    }
    emit(start, i);
    start = i;
    spacing = null;
  }
  emit(start, words.length);
  return out;
}

/** pdfmake's `alignLine` for a line of shared words: their positions as pdfmake sets them, then the line's runs. */
const alignSharedLine: AlignLine = function (this: Writer, line: PdfLine) {
  if (line.sharedWords !== true) return pdfmakeAlignLine.call(this, line);
  const words = line.inlines;
  const width = this.context().availableWidth;
  const lineWidth = line.getWidth();
  const alignment = words[0]?.alignment;
  let offset = 0;
  if (alignment === 'right') offset = width - lineWidth;
  else if (alignment === 'center') offset = (width - lineWidth) / 2;
  if (offset) line.x = (line.x || 0) + offset;
  line.sharedWords = false;
  line.placedRuns = true;
  // An earlier layout placed the line in the same width: the same runs (nothing changes them once placed).
  const kept = line.kept?.runs;
  if (kept?.width === width) {
    line.inlines = kept.inlines as Word[];
    return;
  }
  // Line.addInline: each word at the widths before it, less the line's leading cut.
  const xs = new Array<number>(words.length);
  let widths = 0;
  for (let i = 0; i < words.length; i++) {
    xs[i] = widths - line.leadingCut;
    widths += (words[i] as Word).width;
  }
  let shift: number | undefined;
  if (alignment === 'justify' && !line.newLineForced && !line.lastLineInParagraph && words.length > 1) {
    shift = (width - lineWidth) / (words.length - 1);
    for (let i = 1; i < words.length; i++) xs[i] = (xs[i] as number) + i * shift;
  }
  line.inlines =
    words.length < 2 ? words.map((w, i) => placed(w, xs[i] as number, undefined)) : placedRuns(words, xs, shift);
  if (line.kept !== undefined) line.kept.runs = { width, inlines: line.inlines };
};

/** Installs the placing of shared lines into pdfmake (with the line breaker's shared words), or puts pdfmake's back. */
export function usePlacedRuns(enabled = true): void {
  ElementWriter.prototype.alignLine = enabled ? alignSharedLine : pdfmakeAlignLine;
}
