/**
 * 报告文档: what a reader recovers from a report file (text, HTML, DOCX, XLSX, PDF), in reading order. Headings are
 * marked where the file says so (a Word heading style, an HTML <h2>); otherwise extraction recognises them by their
 * wording. Every block keeps where it is, so every figure taken from it can name its place.
 */
export type DocumentFormat = 'text' | 'html' | 'docx' | 'xlsx' | 'pdf';

/** 段落: paragraph number (1-based, counting headings and paragraphs), and the page for PDF. */
export type ParagraphBlock = {
  type: 'paragraph' | 'heading';
  text: string;
  paragraph: number;
  page?: number;
};

/** 表格单元格: row and column 1-based; a merged cell's text is repeated in every cell it covers. */
export type TableCell = { text: string; row: number; column: number };

/** 表格: table number (1-based), rows of cells; `sheet` for a workbook, `page` (first page) for PDF. */
export type TableBlock = {
  type: 'table';
  table: number;
  rows: TableCell[][];
  /** The paragraph number of the last paragraph before the table (0 at the start). */
  afterParagraph: number;
  sheet?: string;
  page?: number;
};

export type DocumentBlock = ParagraphBlock | TableBlock;

export type ReportDocument = { format: DocumentFormat; blocks: DocumentBlock[] };

/** Builds a document from paragraphs and tables in order, numbering them. */
export class DocumentBuilder {
  private readonly blocks: DocumentBlock[] = [];
  private paragraphs = 0;
  private tables = 0;

  constructor(private readonly format: DocumentFormat) {}

  paragraph(text: string, options: { heading?: boolean; page?: number } = {}): void {
    const clean = normalizeSpace(text);
    if (clean === '') return;
    this.paragraphs += 1;
    this.blocks.push({
      type: options.heading === true ? 'heading' : 'paragraph',
      text: clean,
      paragraph: this.paragraphs,
      ...(options.page === undefined ? {} : { page: options.page }),
    });
  }

  /** Rows of cell texts; empty rows are dropped, a table without any text is no table. */
  table(rows: readonly (readonly string[])[], options: { sheet?: string; page?: number } = {}): void {
    const kept = rows.map((row) => row.map(normalizeSpace)).filter((row) => row.some((cell) => cell !== ''));
    if (kept.length === 0) return;
    this.tables += 1;
    this.blocks.push({
      type: 'table',
      table: this.tables,
      rows: kept.map((row, r) => row.map((text, c) => ({ text, row: r + 1, column: c + 1 }))),
      afterParagraph: this.paragraphs,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      ...(options.page === undefined ? {} : { page: options.page }),
    });
  }

  build(): ReportDocument {
    return { format: this.format, blocks: [...this.blocks] };
  }
}

/** Collapses runs of white space (incl. the ideographic space and NBSP) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

/** A table's text as its rows, for tests and messages. */
export function tableTexts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.text));
}
