import { DocumentBuilder, type ReportDocument } from '../../domain/extraction/document.js';
import { resolveSpans, type SpannedCell } from './grid.js';
import { addTextLines } from './read-text.js';

/**
 * HTML as government sites publish reports: paragraphs (<p>, <div>, <br>, headings) and <table>s with
 * colspan/rowspan. Text outside tables is read like plain text, so `|`-separated rows typed into paragraphs are
 * tables too. Scripts, styles and the <head> are skipped; a table inside a cell is read as that cell's text.
 */
export function readHtmlDocument(html: string): ReportDocument {
  const builder = new DocumentBuilder('html');
  const state = new HtmlWalker(builder);
  const body = html.replace(/<!--[\s\S]*?-->/gu, '').replace(/<(script|style|head|noscript)\b[\s\S]*?<\/\1\s*>/giu, '');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/gu)) {
    if (match[4] !== undefined) state.text(decodeEntities(match[4]));
    else state.tag((match[2] ?? '').toLowerCase(), match[1] === '/', match[3] ?? '');
  }
  state.flush();
  return builder.build();
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'section',
  'article',
  'tr',
  'td',
  'th',
  'table',
  'title',
  'center',
]);
const HEADING = /^h[1-6]$/u;

type OpenTable = { rows: SpannedCell[][]; cell: SpannedCell | null };

class HtmlWalker {
  private lines: string[] = [];
  private line = '';
  private heading = false;
  private readonly tables: OpenTable[] = [];

  constructor(private readonly builder: DocumentBuilder) {}

  text(text: string): void {
    // A table inside a cell is read as that cell's text: the outermost table owns every cell.
    const table = this.tables[0];
    if (table?.cell != null) table.cell.text += text;
    else if (table === undefined) this.line += text.replace(/[\r\n]+/gu, ' ');
  }

  tag(name: string, closing: boolean, attributes: string): void {
    const table = this.tables[0];
    if (name === 'table') return closing ? this.closeTable() : this.openTable();
    if (table !== undefined && this.tables.length === 1) return this.tableTag(table, name, closing, attributes);
    if (table !== undefined) return void (BLOCK_TAGS.has(name) && this.text(' '));
    if (HEADING.test(name)) {
      this.endLine();
      this.heading = !closing;
      return;
    }
    if (BLOCK_TAGS.has(name)) this.endLine();
  }

  flush(): void {
    this.endLine();
    this.endLines();
  }

  private tableTag(table: OpenTable, name: string, closing: boolean, attributes: string): void {
    if (name === 'tr' && !closing) table.rows.push([]);
    else if ((name === 'td' || name === 'th') && !closing) {
      if (table.rows.length === 0) table.rows.push([]);
      table.cell = { text: '', colSpan: spanOf(attributes, 'colspan'), rowSpan: spanOf(attributes, 'rowspan') };
      table.rows.at(-1)?.push(table.cell);
    } else if ((name === 'td' || name === 'th') && closing) table.cell = null;
    else if (name === 'br' || name === 'p' || name === 'div') this.text(' ');
  }

  private openTable(): void {
    if (this.tables.length === 0) {
      this.endLine();
      this.endLines();
    }
    this.tables.push({ rows: [], cell: null });
  }

  private closeTable(): void {
    const table = this.tables.pop();
    if (table === undefined) return;
    if (this.tables.length === 0) this.builder.table(resolveSpans(table.rows));
  }

  private endLine(): void {
    const text = this.line.trim();
    this.line = '';
    if (text === '') return;
    if (this.heading) {
      this.endLines();
      this.builder.paragraph(text, { heading: true });
    } else this.lines.push(text);
  }

  private endLines(): void {
    addTextLines(this.builder, this.lines);
    this.lines = [];
  }
}

function spanOf(attributes: string, name: string): number {
  const value = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'iu').exec(attributes)?.[1];
  const span = value === undefined ? 1 : Number(value);
  return span >= 1 && span <= 1000 ? span : 1;
}

const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  divide: '÷',
  ge: '≥',
  le: '≤',
  yen: '¥',
  emsp: ' ',
  ensp: ' ',
  thinsp: ' ',
  percnt: '%',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code > 0 && code <= 0x10ffff && code !== 0xfffe ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}
