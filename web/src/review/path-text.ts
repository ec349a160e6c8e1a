import { formatPath } from '../../../src/domain/findings/finding.js';
import type { DocPath } from '../editor/document.js';

/**
 * Review comments name their field by the same text as a finding's `pathText` (`$.projects[1].actual`), so a
 * comment lands on the field a finding would link to. Null when the text is not such a path.
 */
export function parsePathText(text: string): DocPath | null {
  if (!text.startsWith('$')) return null;
  const path: (string | number)[] = [];
  const part = /\.([^.[\]]+)|\[(\d+)\]/gy;
  part.lastIndex = 1;
  while (part.lastIndex < text.length) {
    const match = part.exec(text);
    if (match === null) return null;
    path.push(match[2] === undefined ? (match[1] ?? '') : Number(match[2]));
  }
  return path;
}

export const pathText = (path: DocPath): string => formatPath(path);
