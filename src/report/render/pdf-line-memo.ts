/**
 * The lines of a document's texts, kept from one layout to the next. A report is laid out more than once (each
 * heading keep-with-next moves, the widowed last page: pdf-keep.ts), and only page breaks change between layouts:
 * a line depends only on the words left of its text and the width it is set in. The measured words are the same
 * objects in every layout (pdf-measure-memo.ts), so a line is kept under its first word and its width, with what
 * placing it made (its runs, pdf-line-runs.ts) under the width it was placed in. Kept in a WeakMap: a document's
 * lines go with its words.
 */

/** A line as the linear line breaker made it, and what laying it out consumed of its text. */
export type KeptLine<Word> = {
  width: number;
  /** Words taken from the text's list. */
  consumed: number;
  /** The rests of words cut in the line (at its end), each taking its word's place in the list: [index, rest]. */
  rests: [number, Word][];
  words: Word[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
  newLineForced: boolean;
  lastLineInParagraph: boolean;
  /** The line placed (pdf-line-runs.ts): its runs, for the width they were placed in. */
  runs?: { width: number; inlines: unknown[] };
};

const kept = new WeakMap<object, KeptLine<unknown>[]>();
let keeping = true;

/** Keeps lines for later layouts, or (for tests) lays every line out anew. */
export function useKeptLines(enabled = true): void {
  keeping = enabled;
}

/** The line starting with `first` in `width`, if an earlier layout made it. */
export function keptLine<Word extends object>(first: Word, width: number): KeptLine<Word> | undefined {
  if (!keeping) return undefined;
  return kept.get(first)?.find((line) => line.width === width) as KeptLine<Word> | undefined;
}

/** Keeps a line made from `first` in `line.width` for the document's later layouts. */
export function keepLine<Word extends object>(first: Word, line: KeptLine<Word>): void {
  const lines = kept.get(first);
  if (lines === undefined) kept.set(first, [line]);
  else lines.push(line);
}
