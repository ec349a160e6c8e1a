import { createRequire } from 'node:module';
import { KEEP_HEIGHT } from './pdf-keep.js';

/**
 * Keep-with-next decided as the heading is laid out, where it is certain. pdf-keep.ts finds a stranded heading only
 * after a whole layout and lays the document out again for each one it moves (a fifth of a report's layout time;
 * every report of the bureau's kind moved one). Here, before pdfmake places a heading, the space left on the page is
 * compared with what the heading and what follows it need; when they certainly do not fit (the heading would be
 * stranded: what follows starts on the next page, or has fewer than two lines on this one), the heading starts the
 * next page at once. Only plain cases are decided: one-line headings followed by a paragraph or a chart. Anything
 * else (a table, a heading of two lines, margins) is left to pdf-keep.ts's check after the layout, which also
 * catches whatever this leaves, so the result is the one that check would give.
 */

type Inline = { height?: number };
type LaidNode = {
  headlineLevel?: number;
  pageBreak?: string;
  text?: unknown;
  svg?: unknown;
  table?: unknown;
  _inlines?: Inline[];
  _maxWidth?: number;
  _height?: number;
  _margin?: unknown;
};
type Context = { y: number; availableHeight: number; availableWidth: number; pageMargins: { top: number } };
type Builder = { writer: { context(): Context }; keptAhead?: number };
type ProcessNode = (this: Builder, node: LaidNode, ...rest: unknown[]) => void;

/** The blocks that follow each heading in its stack, in order, up to the first that is not a heading. */
export const FOLLOWERS = new WeakMap<object, readonly object[]>();

/** Headings moved ahead per layout at most (as many as pdf-keep.ts moves by laying out again). */
const MAX_AHEAD = 4;

/** pdfmake's measure sets `_margin` to null when a node has none. */
const hasMargin = (node: LaidNode): boolean => (node._margin ?? null) !== null;

const inlineHeights = (node: LaidNode): number[] => (node._inlines ?? []).map((inline) => inline.height ?? 0);

/** A text's height when it is one line in `width`, else undefined (pdfmake's line: its tallest word). */
function oneLineHeight(node: LaidNode, width: number): number | undefined {
  if (hasMargin(node) || node._maxWidth === undefined || node._maxWidth > width) return undefined;
  const heights = inlineHeights(node);
  return heights.length === 0 ? undefined : Math.max(...heights);
}

/**
 * Whether what follows the headings certainly leaves them stranded when `left` points of the page remain below
 * them: a paragraph whose first line cannot fit, or of two lines at least (certainly: twice as wide as the line)
 * with less than two lines' space; a chart taller than the space. False also when it cannot be told here.
 */
function strandsBefore(next: LaidNode, left: number, width: number): boolean {
  if (next.pageBreak !== undefined) return false;
  // A chart cannot be split: taller than the space, it starts the next page (its margins only add to its height).
  if (next.svg !== undefined) return next._height !== undefined && left < next._height;
  if (next.text === undefined || next.table !== undefined || hasMargin(next) || next._maxWidth === undefined)
    return false;
  const heights = inlineHeights(next);
  if (heights.length === 0) return false;
  const lowest = Math.min(...heights);
  return left < lowest || (next._maxWidth > 2 * width && 2 * lowest > left && left < KEEP_HEIGHT);
}

/** Whether `heading`, about to be placed, would certainly be stranded at the foot of the current page. */
function strandedAhead(heading: LaidNode, context: Context): boolean {
  const followers = FOLLOWERS.get(heading);
  if (followers === undefined || context.y - context.pageMargins.top < 0.5) return false;
  const width = context.availableWidth;
  let left = context.availableHeight;
  const own = oneLineHeight(heading, width);
  if (own === undefined || own > left) return false;
  left -= own;
  for (const follower of followers as LaidNode[]) {
    if (follower.headlineLevel === undefined) return strandsBefore(follower, left, width);
    const height = oneLineHeight(follower, width);
    if (height === undefined || follower.pageBreak !== undefined) return false;
    if (height > left) return true;
    left -= height;
  }
  return false;
}

const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { processNode: unknown } } })
  .default;
const pdfmakeProcessNode = LayoutBuilder.prototype.processNode as ProcessNode;

const processNodeKeepingAhead: ProcessNode = function (this: Builder, node, ...rest) {
  if (
    node.headlineLevel !== undefined &&
    node.pageBreak === undefined &&
    (this.keptAhead ?? 0) < MAX_AHEAD &&
    strandedAhead(node, this.writer.context())
  ) {
    node.pageBreak = 'before';
    this.keptAhead = (this.keptAhead ?? 0) + 1;
  }
  pdfmakeProcessNode.call(this, node, ...rest);
};

/** Installs keep-with-next ahead into pdfmake (a process-wide singleton), or (for tests) removes it. */
export function useKeepAhead(enabled = true): void {
  LayoutBuilder.prototype.processNode = enabled ? processNodeKeepingAhead : pdfmakeProcessNode;
}
