import { createRequire } from 'node:module';

/**
 * pdfmake draws every word of a line as its own PDF text object (save, transform, BT, Tm, Tf, TJ, ET, restore), and
 * in Chinese every character is a word: about 10 µs a character, most of the time a long report takes. This draws a
 * run of words of one style as one text object when that puts every glyph exactly where pdfmake puts it: the words
 * follow each other with one constant gap (none, or the space justification adds between characters, which the PDF
 * character spacing Tc reproduces when every word of the run is one character), and the run is as wide drawn
 * together as apart (no kerning across its words). Anything else (links, decorations, superscripts, page
 * references, font features) is drawn word by word as before.
 */

type Font = { widthOfString(text: string, size: number): number };

/** The parts of pdfmake's positioned word (inline) read here. */
export type RenderInline = {
  text: string;
  x: number;
  width: number;
  font: Font;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [key: string]: unknown;
};

type RenderLine = { inlines: RenderInline[]; id?: unknown; placedRuns?: boolean };
type RenderLineMethod = (this: unknown, line: RenderLine, x: number, y: number) => void;

const require = createRequire(import.meta.url);
const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: unknown } } }).default;

/** pdfmake's own `renderLine`, which draws the merged line. */
const pdfmakeRenderLine = Renderer.prototype.renderLine as RenderLineMethod;

/** Positions closer than this (in points, a millionth of a millimetre) are the same. */
export const EPSILON = 1e-6;

/** Properties that make a word more than text at a position: such a word is drawn alone. */
export const SPECIAL = [
  'link',
  'linkToPage',
  'linkToDestination',
  'decoration',
  'background',
  'sup',
  'sub',
  'fontFeatures',
  '_pageNodeRef',
  '_tocItemRef',
  '_pageRef',
] as const;

/**
 * Whether the word is plain text: none of `SPECIAL`, no character spacing, not empty. Each property is read by name
 * (a loop over `SPECIAL` read them by a variable key, a slow lookup for each of the eleven, for every word of every
 * line); the test checks the two agree.
 */
export const isPlain = (inline: RenderInline): boolean =>
  !inline['link'] &&
  !inline['linkToPage'] &&
  !inline['linkToDestination'] &&
  !inline['decoration'] &&
  !inline['background'] &&
  !inline['sup'] &&
  !inline['sub'] &&
  !inline['fontFeatures'] &&
  !inline['_pageNodeRef'] &&
  !inline['_tocItemRef'] &&
  !inline['_pageRef'] &&
  !inline.characterSpacing &&
  inline.text.length > 0;

const sameStyle = (a: RenderInline, b: RenderInline): boolean =>
  a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity;

/** One character: one UTF-16 unit, or a surrogate pair. */
const oneCharacter = (text: string): boolean =>
  text.length === 1 || (text.length === 2 && /^[\uD800-\uDBFF]/.test(text));

const gap = (a: RenderInline, b: RenderInline): number => b.x - (a.x + a.width);

/**
 * Whether `b`, `between` points after the end of `a` (a plain word), continues a run ending in `a` whose words are
 * `spacing` apart (null: the run has one word yet). Also the rule pdf-line-runs.ts cuts placed lines by.
 */
export function continuesRun(a: RenderInline, b: RenderInline, between: number, spacing: number | null): boolean {
  if (!isPlain(b) || !sameStyle(a, b)) return false;
  if (between < -EPSILON || (spacing !== null && Math.abs(between - spacing) > EPSILON)) return false;
  return Math.abs(between) <= EPSILON || (oneCharacter(a.text) && oneCharacter(b.text));
}

/** The run as one word, when drawing it so puts each glyph where it was; else the run as it is. */
function merged(run: RenderInline[]): RenderInline[] {
  const first = run[0];
  const last = run.at(-1);
  if (run.length < 2 || first === undefined || last === undefined) return run;
  const text = run.map((inline) => inline.text).join('');
  const apart = run.reduce((sum, inline) => sum + inline.width, 0);
  if (Math.abs(first.font.widthOfString(text, first.fontSize) - apart) > EPSILON) return run;
  const spacing = run.length > 1 ? gap(first, run[1] as RenderInline) : 0;
  return [
    {
      ...first,
      text,
      width: last.x + last.width - first.x,
      characterSpacing: Math.abs(spacing) <= EPSILON ? 0 : spacing,
    },
  ];
}

/** The words of a line with every mergeable run drawn as one. */
export function mergeRuns(inlines: readonly RenderInline[]): RenderInline[] {
  const out: RenderInline[] = [];
  let run: RenderInline[] = [];
  let spacing: number | null = null;
  for (const inline of inlines) {
    const previous = run.at(-1);
    if (previous !== undefined && isPlain(previous) && continuesRun(previous, inline, gap(previous, inline), spacing)) {
      spacing ??= gap(previous, inline);
      run.push(inline);
      continue;
    }
    out.push(...merged(run));
    run = [inline];
    spacing = null;
  }
  out.push(...merged(run));
  return out;
}

/** `renderLine` drawing merged runs; a line with a destination (its first word's anchor) is drawn as it is. */
const mergingRenderLine: RenderLineMethod = function (this: unknown, line: RenderLine, x: number, y: number) {
  // A line placed by pdf-line-runs.ts holds its runs already.
  if (line.id !== undefined || line.inlines.length < 2 || line.placedRuns === true)
    return pdfmakeRenderLine.call(this, line, x, y);
  const copy = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as RenderLine, line, {
    inlines: mergeRuns(line.inlines),
  });
  pdfmakeRenderLine.call(this, copy, x, y);
};

/** Installs the merging `renderLine` into pdfmake, or (for tests) puts pdfmake's own back. */
export function useMergedRuns(enabled = true): void {
  Renderer.prototype.renderLine = enabled ? mergingRenderLine : pdfmakeRenderLine;
}
