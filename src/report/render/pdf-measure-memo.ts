import { createRequire } from 'node:module';
import { leavesWordsAlone } from './pdf-line-breaker.js';

/**
 * pdfmake measures the whole document again for every layout it tries, and a report is laid out several times: once
 * more for each heading keep-with-next moves (pdf-keep.ts, up to four) and once more for a widowed last page. Only
 * page breaks change between those layouts, and a text's or a picture's measure does not depend on them, so each
 * text (its words and widths) and each SVG (its size; pdfmake parses the whole SVG twice to find it) is measured
 * once per document and the result given again to the later layouts. Layout consumes the list of words it is given
 * (it shifts them off), so each layout gets its own list; Jixiao's line breaker (pdf-line-breaker.ts) leaves the
 * words themselves as they are, so the list holds the same words, while pdfmake's own (tests) changes them (it splits
 * a long one, places them) and gets fresh copies. What the widow fix changes that a measure reads (a table's line
 * height) forgets the measures.
 */

type Node = Record<string, unknown>;
type Measure = (this: unknown, node: Node) => Node;
type DocMeasureClass = { prototype: { measureLeaf: unknown; measureSVG: unknown } };

const require = createRequire(import.meta.url);
const DocMeasure = (require('pdfmake/js/DocMeasure.js') as { default: DocMeasureClass }).default;
const pdfmakeMeasureLeaf = DocMeasure.prototype.measureLeaf as Measure;
const pdfmakeMeasureSvg = DocMeasure.prototype.measureSVG as Measure;

/** What pdfmake's measure of a text or an SVG sets on its node (before the node's margins are added). */
const LEAF_FIELDS = ['_minWidth', '_maxWidth'] as const;
const SVG_FIELDS = ['svg', 'font', '_width', '_height', '_minWidth', '_maxWidth'] as const;

type Measured = { fields: Partial<Record<string, unknown>>; words: Node[] | undefined };
let measured = new WeakMap<Node, Measured>();

const copyWords = (words: Node[] | undefined): Node[] | undefined =>
  leavesWordsAlone() ? words?.slice() : words?.map((word) => ({ ...word }));

function remembered(fields: readonly string[], measure: Measure): Measure {
  return function (this: unknown, node: Node) {
    const known = measured.get(node);
    if (known !== undefined) {
      Object.assign(node, known.fields);
      if (known.words !== undefined) node['_inlines'] = copyWords(known.words);
      return node;
    }
    measure.call(this, node);
    const words = Array.isArray(node['_inlines']) ? copyWords(node['_inlines'] as Node[]) : undefined;
    measured.set(node, { fields: Object.fromEntries(fields.map((f) => [f, node[f]])), words });
    return node;
  };
}

const measureLeafOnce = remembered(LEAF_FIELDS, pdfmakeMeasureLeaf);
const measureSvgOnce = remembered(SVG_FIELDS, pdfmakeMeasureSvg);

/** Forgets every measure: the next layout measures the document anew (after a change a measure depends on). */
export function forgetMeasures(): void {
  measured = new WeakMap();
}

/** Installs the measure-once into pdfmake (a process-wide singleton), or (for tests) puts pdfmake's own back. */
export function useMeasureOnce(enabled = true): void {
  DocMeasure.prototype.measureLeaf = enabled ? measureLeafOnce : pdfmakeMeasureLeaf;
  DocMeasure.prototype.measureSVG = enabled ? measureSvgOnce : pdfmakeMeasureSvg;
}
