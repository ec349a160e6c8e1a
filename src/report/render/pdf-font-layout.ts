/**
 * pdfkit lays out a text (to measure it, and again to draw it) in runs that end after each space or tab, each run
 * laid out once and cached. It finds the runs one character at a time with `charAt` and a new two-element array per
 * character (`[' ', '\t'].includes`), which a report's long runs of Chinese text (no spaces) pay in full twice. This
 * finds the same runs by character code and does the rest as pdfkit does: the same runs, the same cache, the same
 * sums in the same order, so every width and glyph is the same.
 */

type Run = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
type EmbeddedFont = {
  layoutRun(text: string, features: unknown): Run;
  layoutCached(text: string): Run;
};
type Layout = (
  this: EmbeddedFont,
  text: string,
  features: unknown,
  onlyWidth?: boolean,
) => { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };

const SPACE = 0x20;
const TAB = 0x09;

const layoutBySpaces: Layout = function (this: EmbeddedFont, text, features, onlyWidth) {
  if (features) return this.layoutRun(text, features);
  let glyphs: unknown[] | null = onlyWidth ? null : [];
  let positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const add = (run: Run) => {
    if (glyphs !== null && positions !== null) {
      glyphs = glyphs.concat(run.glyphs);
      positions = positions.concat(run.positions);
    }
    advanceWidth += run.advanceWidth;
  };
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) continue;
    add(this.layoutCached(text.slice(last, i + 1)));
    last = i + 1;
  }
  if (last < text.length) add(this.layoutCached(text.slice(last)));
  return { glyphs, positions, advanceWidth };
};

/** pdfkit's own layout, by the prototype it was taken from. */
const pdfkitLayouts = new WeakMap<object, unknown>();

/** Gives pdfkit's embedded font class (its prototype) the layout above, or (for tests) puts pdfkit's own back. */
export function useLayoutBySpaces(prototype: { layout: unknown }, enabled = true): void {
  if (!pdfkitLayouts.has(prototype)) pdfkitLayouts.set(prototype, prototype.layout);
  prototype.layout = enabled ? layoutBySpaces : pdfkitLayouts.get(prototype);
}
