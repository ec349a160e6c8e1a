// Source: issue 13 item 1: a year started from last year's keeps its prose, but prose that names the old year is
// marked 【待改写】 and stays an error until rewritten, so the new year never shows 0 errors while its report
// still says "2020年…". Edge cases: the mark counts only at the start of a text; every text of the document is
// looked at (prose, notes, targets), since the mark can only have come from a rollover or the user.
import type { FieldPath, Finding } from '../findings/finding.js';
import type { Check } from './context.js';

/** Put before carried-over prose that names the old year. */
export const REWRITE_MARK = '【待改写】';

const PREVIEW = 30;

function marked(node: unknown, path: FieldPath, out: { path: FieldPath; text: string }[]): void {
  if (typeof node === 'string') {
    if (node.startsWith(REWRITE_MARK)) out.push({ path, text: node.slice(REWRITE_MARK.length) });
  } else if (Array.isArray(node)) node.forEach((v, i) => marked(v, [...path, i], out));
  else if (node !== null && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) marked(v, [...path, k], out);
}

/** PROSE_TO_REWRITE: a text still marked 【待改写】 (carried over from last year). */
export const checkProseToRewrite: Check = ({ dataset }) => {
  const found: { path: FieldPath; text: string }[] = [];
  marked(dataset, [], found);
  return found.map(({ path, text }): Finding => ({
    severity: 'error',
    code: 'PROSE_TO_REWRITE',
    message: `沿用上年的文字尚未改写：“${text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text}”。请按本年度情况改写，并删去开头的“${REWRITE_MARK}”。`,
    path,
  }));
};
