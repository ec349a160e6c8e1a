import { createRequire } from 'node:module';
import type { Node, NodeQueries } from 'pdfmake/interfaces.js';
import { forgetMeasures } from './pdf-measure-memo.js';
import { LINE_PITCH } from './pdf-page.js';

/**
 * Keep-with-next and the last page, for pdfmake.
 *
 * A heading or a caption (a node with `headlineLevel`) moves to the next page when it would be the last thing on its
 * page, or when what follows it has less than two lines left on the page (pdfmake lays the document out again after
 * each such move, so this costs one layout per moved heading, and at most `MAX_KEPT` headings move).
 *
 * A last page holding only a few lines (孤页) takes over the last block that starts in the lower part of the page
 * before it (with the heading it follows); where there is none (a form's last rows), the table running on to it is
 * set with tighter lines. One more layout, only for such a document.
 */

/** Less content than this on the last page makes it a widowed page. */
const WIDOW_HEIGHT = 4 * LINE_PITCH;
/** Space a heading's next block needs below it on the same page. */
export const KEEP_HEIGHT = 2 * LINE_PITCH;
/** A block moved to the last page starts at least this far down its page (else its page would be left too empty). */
const MOVABLE_FROM = 0.5;

type Position = { pageNumber: number; top: number; verticalRatio: number; pageInnerHeight: number };
const spaceBelow = (p: Position) => p.pageInnerHeight * (1 - p.verticalRatio);

/** The style of page numbers: pdfmake lays out the footers after the body, so they follow every node of a page. */
export const PAGE_NUMBER_STYLE = 'pageNumber';

/**
 * Headings moved per document at most: each move is a whole new layout (≈ 1 s of CPU for the longest texts the
 * dataset limits allow, which would strand about ten); a report of ordinary length moves one to three.
 */
export const MAX_KEPT = 4;

/**
 * Pages laid out again for keep-with-next at most (moves × pages): the seed (20 pages) gets its 4 moves, the
 * longest texts the limits allow (about 100 pages, ≈ 0.9 s per layout) one, so its PDF stays near 2 s.
 */
export const LAYOUT_PAGES = 120;

/** Whether `node`, a heading or a caption, would be kept apart from what follows it. */
function strands(node: Node, queries: NodeQueries): boolean {
  const pages = node.pageNumbers ?? [];
  if (queries.getPreviousNodesOnPage().length === 0) return false;
  if (pages.length > 1) return true;
  // What follows on the page, past the headings right after this one (a 二级 heading kept with a 三级 one).
  const next = queries
    .getFollowingNodesOnPage()
    .find((n) => n.style !== PAGE_NUMBER_STYLE && n.headlineLevel === undefined);
  if (next === undefined) return true;
  const start = next.startPosition as unknown as Position;
  return (next.pageNumbers ?? []).length > 1 && spaceBelow(start) < KEEP_HEIGHT;
}

/**
 * pdfmake's `pageBreakBefore` for one document: true for a heading or caption that would be kept apart from what
 * follows it, for the first `budget` of them.
 */
export function keepWithNext(budget = MAX_KEPT): (node: Node, queries: NodeQueries) => boolean {
  let left: number | null = null;
  return (node, queries) => {
    // The first call knows the document's length: a long one gets fewer moves (each is a layout of every page).
    left ??= Math.min(budget, Math.floor(LAYOUT_PAGES / Math.max(1, node.pages)));
    if (node.headlineLevel === undefined || left <= 0 || !strands(node, queries)) return false;
    left -= 1;
    return true;
  };
}

type LayoutNode = {
  positions: Position[];
  pageBreak?: string;
  headlineLevel?: number;
  table?: unknown;
  lineHeight?: number;
  resetXY(): void;
};
type PageItem = { type: string; item: { y?: number; getHeight?: () => number; _height?: number } };
type Page = { items: PageItem[] };
type LayoutBuilderThis = { linearNodeList: LayoutNode[] };
type LayoutDocument = (this: LayoutBuilderThis, ...args: unknown[]) => Page[];

/** The blocks of the body (paragraphs, headings, tables, charts) that may start a page: set by the renderer. */
export const MOVABLE_BLOCKS = new WeakSet<object>();

/** The height used on a page's body (`top` to `top + height`: not its page number), to the lowest line or picture. */
export function usedHeight(page: Page, top: number, bodyHeight: number): number {
  let bottom = top;
  for (const { item } of page.items) {
    if (item.y === undefined || item.y >= top + bodyHeight) continue;
    const height = item.getHeight?.() ?? item._height ?? 0;
    bottom = Math.max(bottom, item.y + height);
  }
  return bottom - top;
}

/**
 * The block to start the last page with, so that it holds more than a few lines: the last movable block starting
 * in the lower part of the page before it, or the heading right before that block. Undefined when there is none.
 */
function blockToMove(nodes: readonly LayoutNode[], lastPage: number): LayoutNode | undefined {
  const blocks = nodes.filter((n) => MOVABLE_BLOCKS.has(n) && n.positions.length > 0);
  for (let i = blocks.length - 1; i > 0; i--) {
    const block = blocks[i] as LayoutNode;
    const start = block.positions[0] as Position;
    if (start.pageNumber > lastPage - 1) continue;
    if (start.pageNumber < lastPage - 1 || start.verticalRatio < MOVABLE_FROM) return undefined;
    const before = blocks[i - 1] as LayoutNode;
    const beforeStart = before.positions[0] as Position;
    const heading = before.headlineLevel !== undefined && beforeStart.pageNumber === start.pageNumber;
    return heading && beforeStart.verticalRatio >= MOVABLE_FROM ? before : block;
  }
  return undefined;
}

/** The line height of a table's cells when the table is set tighter to take back its last rows from a last page. */
const TIGHT_LINE_HEIGHT = 1;

/** The tables that run on to page `page` from the page before it (a form's last rows alone on the last page). */
const tablesOntoPage = (nodes: readonly LayoutNode[], page: number): LayoutNode[] =>
  nodes.filter(
    (n) =>
      MOVABLE_BLOCKS.has(n) &&
      n.table !== undefined &&
      n.positions.some((p) => p.pageNumber === page) &&
      n.positions.some((p) => p.pageNumber === page - 1),
  );

const require = createRequire(import.meta.url);
const LayoutBuilder = (
  require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { layoutDocument: unknown } } }
).default;
const pdfmakeLayoutDocument = LayoutBuilder.prototype.layoutDocument as LayoutDocument;

/** pdfmake's layout, done once more with a page break moved up when the last page would hold only a few lines. */
const layoutWithoutWidow: LayoutDocument = function (this: LayoutBuilderThis, ...args: unknown[]) {
  const pages = pdfmakeLayoutDocument.apply(this, args);
  const last = pages.at(-1);
  if (pages.length < 3 || last === undefined) return pages;
  const any = this.linearNodeList.find((n) => n.positions.length > 0)?.positions[0];
  if (any === undefined) return pages;
  const margin = any.top - any.verticalRatio * any.pageInnerHeight;
  if (usedHeight(last, margin, any.pageInnerHeight) >= WIDOW_HEIGHT) return pages;
  const move = blockToMove(this.linearNodeList, pages.length);
  const tables = move === undefined ? tablesOntoPage(this.linearNodeList, pages.length) : [];
  if (move === undefined && tables.length === 0) return pages;
  if (move !== undefined) move.pageBreak = 'before';
  for (const table of tables) table.lineHeight = TIGHT_LINE_HEIGHT;
  // A table's cells are measured with its line height.
  if (tables.length > 0) forgetMeasures();
  for (const node of this.linearNodeList) node.resetXY();
  return pdfmakeLayoutDocument.apply(this, args);
};

/** Installs the widowed-last-page fix into pdfmake (a process-wide singleton), or (for tests) removes it. */
export function useWidowFix(enabled = true): void {
  LayoutBuilder.prototype.layoutDocument = enabled ? layoutWithoutWidow : pdfmakeLayoutDocument;
}
