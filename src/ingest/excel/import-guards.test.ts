import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../domain/dataset/schema.js';
import { readDatasetFile } from '../read-dataset.js';
import { readWorkbook, workbookFindingText } from './read-workbook.js';
import { datasetToWorkbook } from './write-workbook.js';
import { checkWorkbookZip, WORKBOOK_LIMITS } from './zip-guard.js';

let seed: Dataset;
let seedBook: Buffer;

async function edited(edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(seedBook as unknown as ExcelJS.Buffer);
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function errorsOf(data: Buffer) {
  const result = await readWorkbook(data);
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.errors;
}

beforeAll(async () => {
  const read = await readDatasetFile('examples/yuhua-2020.yaml');
  if (!read.ok) throw new Error('seed unreadable');
  seed = read.dataset;
  seedBook = await datasetToWorkbook(seed);
});

describe('workbook sheets', () => {
  it('refuses a workbook without a template sheet instead of reading it as no projects', async () => {
    const errors = await errorsOf(await edited((book) => book.removeWorksheet(book.getWorksheet('项目')!.id)));
    expect(errors).toEqual([expect.objectContaining({ code: 'SHEET_MISSING', cell: '项目' })]);
    expect(workbookFindingText(errors[0]!)).toBe('项目: 缺少工作表“项目”');
  });

  it('reads a present but empty sheet as no rows', async () => {
    const data = await edited((book) => {
      const sheet = book.getWorksheet('绩效指标')!;
      for (let r = sheet.rowCount; r > 1; r -= 1) sheet.spliceRows(r, 1);
    });
    const result = await readWorkbook(data);
    expect(result.ok && result.dataset.indicators).toEqual([]);
  });
});

describe('formula cells', () => {
  it('reports a formula whose result is an error value', async () => {
    const data = await edited((book) => {
      book.getWorksheet('项目')!.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    expect((await errorsOf(data)).map(workbookFindingText)).toEqual(['项目!C2: 公式结果为 #DIV/0!']);
  });

  it('reports a formula without a cached result, and an error value typed in', async () => {
    const data = await edited((book) => {
      book.getWorksheet('项目')!.getCell('C2').value = { formula: 'B2*0.9' };
      book.getWorksheet('收入')!.getCell('C2').value = { error: '#REF!' };
    });
    expect((await errorsOf(data)).map(workbookFindingText).sort()).toEqual([
      '收入!C2: 单元格为错误值 #REF!',
      '项目!C2: 公式没有计算结果，请在 Excel 中重新计算并保存',
    ]);
  });

  it('reads a formula with a cached number as that number', async () => {
    const actual = seed.projects[0]!.actual;
    const data = await edited((book) => {
      const cell = book.getWorksheet('项目')!.getCell('C2');
      cell.value = { formula: '18.21', result: Number(cell.value) };
    });
    const result = await readWorkbook(data);
    expect(result.ok && result.dataset.projects[0]!.actual).toBe(actual);
  });
});

describe('workbook size limits', () => {
  it('refuses a zip that would inflate beyond 50 MB before exceljs reads it', async () => {
    const zip = await JSZip.loadAsync(seedBook);
    zip.file('xl/media/padding.bin', Buffer.alloc(WORKBOOK_LIMITS.maxUncompressedBytes + 1));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await errorsOf(bomb)).toEqual([
      expect.objectContaining({ code: 'XLSX_TOO_LARGE', message: expect.stringMatching(/超过上限 50 MB/) as unknown }),
    ]);
  });

  it('refuses a zip that lies about its sizes at the limit, while inflating, never inflating all of it', async () => {
    const zip = new JSZip();
    zip.file('xl/media/padding.bin', Buffer.alloc(8 * 1024 * 1024));
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Declare 100 bytes in the local and the central directory headers: the sums say it is tiny.
    for (let at = 0; at + 4 <= data.length; at++) {
      const signature = data.readUInt32LE(at);
      if (signature === 0x04034b50) data.writeUInt32LE(100, at + 22);
      if (signature === 0x02014b50) data.writeUInt32LE(100, at + 24);
    }
    const limits = { ...WORKBOOK_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    expect(await checkWorkbookZip(data, limits)).toEqual({
      ok: false,
      code: 'XLSX_TOO_LARGE',
      message: '工作簿实际解压后超过上限 1 MB（与其声明的大小不符），未导入',
    });
  });

  it('refuses a zip with too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 12; i += 1) zip.file(`part-${i}.xml`, '<x/>');
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await checkWorkbookZip(data, { ...WORKBOOK_LIMITS, maxEntries: 10 })).toMatchObject({
      ok: false,
      code: 'XLSX_TOO_LARGE',
    });
  });

  it('refuses a sheet with more than 10 000 rows', async () => {
    const data = await edited((book) => {
      const sheet = book.getWorksheet('基本支出明细')!;
      for (let r = 2; r <= WORKBOOK_LIMITS.maxRowsPerSheet + 2; r += 1) sheet.getCell(r, 4).value = 'x';
    });
    expect(await errorsOf(data)).toEqual([
      expect.objectContaining({ code: 'SHEET_TOO_MANY_ROWS', cell: '基本支出明细' }),
    ]);
  });
});
