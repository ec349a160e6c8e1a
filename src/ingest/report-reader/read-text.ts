import { DocumentBuilder, type DocumentFormat, type ReportDocument } from '../../domain/extraction/document.js';

/**
 * Plain text as reports are saved or copied from Word: one paragraph a line; a table either as cells on lines of
 * their own that begin with a tab (Word's "save as text": a row's cells one a line, rows apart by a blank line), or
 * as one row a line with cells between tabs or `|` (HTML tables flattened, Markdown). Markdown rules `|---|` are skipped.
 */
export function readTextDocument(text: string, format: DocumentFormat = 'text'): ReportDocument {
  const builder = new DocumentBuilder(format);
  addTextLines(builder, text.split(/\r\n|\r|\n/u));
  return builder.build();
}

type LineKind = 'blank' | 'cell' | 'row' | 'rule' | 'text';

const NUMBERING = /^[（(]?[一二三四五六七八九十\d]{1,3}[、.．)）]?$/u;
const RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u;

function kindOf(line: string): LineKind {
  if (line.trim() === '') return 'blank';
  if (RULE.test(line)) return 'rule';
  if (line.startsWith('\t')) return 'cell';
  if (rowCells(line).length >= 2) return 'row';
  return 'text';
}

/** Cells of a one-line row: `a | b`, `| a | b |` or `a<TAB>b`; a single cell means it is no row. */
function rowCells(line: string): string[] {
  const trimmed = line.trim();
  const separator = trimmed.includes('|') ? '|' : trimmed.includes('\t') ? '\t' : null;
  if (separator === null) return [];
  const inner = separator === '|' ? trimmed.replace(/^\|/u, '').replace(/\|$/u, '') : trimmed;
  const cells = inner.split(separator).map((cell) => cell.trim());
  // "一、<TAB>部门基本情况": a numbered heading with a tab is a line of text, not a row.
  if (separator === '\t' && cells.length === 2 && NUMBERING.test(cells[0] ?? '')) return [];
  return cells.filter((cell) => cell !== '').length >= 2 ? cells : [];
}

/** Adds the lines' paragraphs and tables to `builder` (used for text and for PDF lines). */
export function addTextLines(builder: DocumentBuilder, lines: readonly string[], page?: number): void {
  const options = page === undefined ? {} : { page };
  let rows: string[][] = [];
  let row: string[] = [];
  const endRow = () => {
    if (row.length > 0) rows.push(row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows.length > 0) builder.table(rows, options);
    rows = [];
  };
  for (const line of lines) {
    switch (kindOf(line)) {
      case 'blank':
        endRow();
        break;
      case 'rule':
        break;
      case 'cell':
        row.push(...line.split('\t').slice(1));
        break;
      case 'row':
        endRow();
        rows.push(rowCells(line));
        break;
      case 'text':
        endTable();
        builder.paragraph(line, options);
        break;
    }
  }
  endTable();
}
