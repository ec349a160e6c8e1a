import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentBuilder, type ReportDocument } from '../../domain/extraction/document.js';

/**
 * DOCX: word/document.xml walked in order — paragraphs (a heading style or outline level makes a heading) and
 * tables, merged cells resolved (w:gridSpan across, w:vMerge down: the merged text is in every cell it covers).
 * Content controls are read through; a table inside a cell is read as that cell's text.
 */
export async function readDocxDocument(bytes: Uint8Array): Promise<ReportDocument | null> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (file === null) return null;
  const walker = new DocxWalker();
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => walker.open(tag));
  parser.on('closetag', (tag) => walker.close(tag.name));
  parser.on('text', (text) => walker.text(text));
  parser.write(await file.async('string')).close();
  return walker.builder.build();
}

type DocxCell = { text: string; colSpan: number; merge: 'restart' | 'continue' | null };
type DocxTable = { rows: DocxCell[][]; cell: DocxCell | null };

const HEADING_STYLE = /^(heading|标题|title)\s*\d*$|^[1-9]$/iu;

class DocxWalker {
  readonly builder = new DocumentBuilder('docx');
  private paragraph: { text: string; heading: boolean } | null = null;
  private inText = false;
  private readonly tables: DocxTable[] = [];

  open(tag: SaxesTagPlain): void {
    const table = this.tables[0];
    const value = tag.attributes['w:val'];
    switch (tag.name) {
      case 'w:p':
        if (table === undefined) this.paragraph = { text: '', heading: false };
        else this.append(' ');
        break;
      case 'w:pStyle':
        if (this.paragraph !== null && value !== undefined && HEADING_STYLE.test(value)) this.paragraph.heading = true;
        break;
      case 'w:outlineLvl':
        if (this.paragraph !== null && value !== undefined && Number(value) < 9) this.paragraph.heading = true;
        break;
      case 'w:t':
        this.inText = true;
        break;
      case 'w:tab':
      case 'w:br':
        this.append(' ');
        break;
      case 'w:tbl':
        this.tables.push({ rows: [], cell: null });
        break;
      default:
        if (table !== undefined && this.tables.length === 1) this.tableTag(table, tag.name, value);
    }
  }

  private tableTag(table: DocxTable, name: string, value: string | undefined): void {
    if (name === 'w:tr') table.rows.push([]);
    else if (name === 'w:tc') {
      table.cell = { text: '', colSpan: 1, merge: null };
      table.rows.at(-1)?.push(table.cell);
    } else if (name === 'w:gridSpan' && table.cell !== null) table.cell.colSpan = Math.max(1, Number(value) || 1);
    else if (name === 'w:vMerge' && table.cell !== null)
      table.cell.merge = value === 'restart' ? 'restart' : 'continue';
  }

  close(name: string): void {
    if (name === 'w:t') this.inText = false;
    else if (name === 'w:p' && this.tables.length === 0 && this.paragraph !== null) {
      this.builder.paragraph(this.paragraph.text, { heading: this.paragraph.heading });
      this.paragraph = null;
    } else if (name === 'w:tc' && this.tables.length === 1 && this.tables[0] !== undefined) this.tables[0].cell = null;
    else if (name === 'w:tbl') {
      const table = this.tables.pop();
      if (table !== undefined && this.tables.length === 0) this.builder.table(resolveDocxGrid(table.rows));
    }
  }

  text(text: string): void {
    if (this.inText) this.append(text);
  }

  private append(text: string): void {
    const table = this.tables[0];
    if (table !== undefined) {
      if (table.cell !== null) table.cell.text += text;
    } else if (this.paragraph !== null) this.paragraph.text += text;
  }
}

/** Places cells by grid column; a w:vMerge continuation takes the text of the cell above it. */
function resolveDocxGrid(rows: readonly DocxCell[][]): string[][] {
  const grid: string[][] = [];
  for (const row of rows) {
    const line: string[] = [];
    for (const cell of row) {
      const column = line.length;
      const above = grid.at(-1)?.[column];
      const text = cell.merge === 'continue' && above !== undefined ? above : cell.text;
      for (let i = 0; i < cell.colSpan; i++) line.push(text);
    }
    grid.push(line);
  }
  const width = Math.max(0, ...grid.map((line) => line.length));
  return grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ''));
}
