import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentBuilder, type ReportDocument } from '../../domain/extraction/document.js';

export type PdfRead =
  | { ok: true; document: ReportDocument }
  | { ok: false; code: 'PDF_NO_TEXT' | 'PDF_ENCRYPTED' | 'PDF_UNREADABLE'; message: string };

/** Fewer visible characters than this in the whole file: a scan (images of pages), not a text layer. */
const MIN_TEXT_CHARACTERS = 20;

type PdfItem = { text: string; x: number; y: number; width: number; height: number };
type PdfLine = { cells: string[]; left: number; right: number; size: number };

/**
 * PDF with a text layer (pdf.js): the text items of each page grouped into lines by baseline, a line split into
 * cells where a wide gap separates its items (consecutive lines of two or more cells are a table), and wrapped lines
 * joined into paragraphs (a line continues the paragraph when the one before reaches the right margin and it is not
 * indented). A scanned PDF has no text to read and is refused with PDF_NO_TEXT, never guessed at.
 */
export async function readPdfDocument(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let pdf;
  try {
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: join(root, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException')
      return { ok: false, code: 'PDF_ENCRYPTED', message: 'PDF 文件已加密，无法读取，请提供未加密的文件' };
    return { ok: false, code: 'PDF_UNREADABLE', message: '不是有效的 PDF 文件，无法读取' };
  }
  try {
    const builder = new DocumentBuilder('pdf');
    const joiner = new ParagraphJoiner(builder);
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item): PdfItem[] =>
        'str' in item
          ? [
              {
                text: item.str,
                x: item.transform[4] as number,
                y: item.transform[5] as number,
                width: item.width,
                height: item.height,
              },
            ]
          : [],
      );
      characters += items.reduce((n, item) => n + item.text.replace(/\s/gu, '').length, 0);
      joiner.page(linesOf(items), number);
    }
    joiner.end();
    if (characters < MIN_TEXT_CHARACTERS)
      return {
        ok: false,
        code: 'PDF_NO_TEXT',
        message: 'PDF 中没有可读取的文字（可能是扫描件或图片），无法识别其中的数字；请提供 Word 文件或带文字层的 PDF',
      };
    return { ok: true, document: builder.build() };
  } finally {
    await pdf.destroy();
  }
}

/** Items on one baseline (within a third of the text height) make a line; wide gaps make cells. */
function linesOf(items: readonly PdfItem[]): PdfLine[] {
  const visible = items.filter((item) => item.text.trim() !== '' || item.width > 0);
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    const tolerance = Math.max(2, (first?.height ?? item.height) / 3);
    if (group !== undefined && first !== undefined && Math.abs(first.y - item.y) <= tolerance) group.push(item);
    else groups.push([item]);
  }
  return groups.flatMap((group) => {
    const line = cellsOf(group.sort((a, b) => a.x - b.x));
    return line === null ? [] : [line];
  });
}

/**
 * A gap wider than this many text heights separates two cells. Table cells are padded by about half a character on
 * each side (Word's 0.19 cm, pdfmake's 4 pt), so their gap is about one character; prose has none inside a line.
 */
const CELL_GAP = 0.75;

function cellsOf(items: readonly PdfItem[]): PdfLine | null {
  const size = Math.max(1, ...items.map((item) => item.height));
  const cells: string[] = [];
  let current = '';
  let end: number | null = null;
  for (const item of items) {
    const blank = item.text.trim() === '';
    const gap = end === null ? 0 : item.x - end;
    if ((blank && item.width > size * CELL_GAP) || gap > size * CELL_GAP) {
      if (current.trim() !== '') cells.push(current.trim());
      current = '';
    }
    if (!blank) current += (gap > size * 0.2 && current !== '' && /[\w.%]$/u.test(current) ? ' ' : '') + item.text;
    end = item.x + item.width;
  }
  if (current.trim() !== '') cells.push(current.trim());
  const text = items.filter((item) => item.text.trim() !== '');
  const first = text[0];
  const last = text.at(-1);
  if (cells.length === 0 || first === undefined || last === undefined) return null;
  return { cells, left: first.x, right: last.x + last.width, size };
}

/** A page number line: "— 3 —", "- 3 -", "第 3 页", "3 / 14", "3". */
const PAGE_NUMBER = /^([—–-]\s*\d+\s*[—–-]|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})$/u;

/** Joins wrapped lines into paragraphs and consecutive many-cell lines into tables, across pages. */
class ParagraphJoiner {
  private text = '';
  private textPage = 0;
  private lastFull = false;
  private left = Number.POSITIVE_INFINITY;
  private rows: string[][] = [];
  private rowsPage = 0;

  constructor(private readonly builder: DocumentBuilder) {}

  page(lines: readonly PdfLine[], page: number): void {
    const body = lines.filter((line) => !(line.cells.length === 1 && PAGE_NUMBER.test(line.cells[0] ?? '')));
    const margin = Math.min(...body.map((l) => l.left));
    const right = Math.max(...body.map((l) => l.right));
    for (const line of body) {
      if (line.cells.length >= 2) {
        this.endParagraph();
        if (this.rows.length === 0) this.rowsPage = page;
        this.rows.push(line.cells);
        continue;
      }
      this.endTable();
      const text = line.cells[0] ?? '';
      const continues = this.text !== '' && this.lastFull && line.left <= this.left + line.size * 0.5;
      if (!continues) {
        this.endParagraph();
        this.textPage = page;
        this.left = line.left;
      }
      this.text += text;
      // A line reaching the right margin wraps; so does a long line (a note set narrower) not ending a sentence.
      const long = line.right - line.left >= (right - margin) * 0.6 && !/[。；！？：:]$/u.test(text);
      this.lastFull = line.right >= right - line.size * 2 || long;
    }
  }

  end(): void {
    this.endParagraph();
    this.endTable();
  }

  private endParagraph(): void {
    if (this.text !== '') this.builder.paragraph(this.text, { page: this.textPage });
    this.text = '';
    this.lastFull = false;
  }

  private endTable(): void {
    if (this.rows.length > 0) this.builder.table(this.rows, { page: this.rowsPage });
    this.rows = [];
  }
}
