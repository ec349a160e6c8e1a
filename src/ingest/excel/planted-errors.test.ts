import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../read-dataset.js';
import { readWorkbook, workbookFindingText } from './read-workbook.js';
import { datasetToWorkbook } from './write-workbook.js';

/** Ten wrong cells across seven sheets, each with the message a finance officer should see. */
const PLANTED: readonly (readonly [string, string, ExcelJS.CellValue, RegExp])[] = [
  ['基本情况', 'B2', '二〇二〇', /不是有效整数/],
  ['收入', 'C2', 'x12', /不是有效金额/],
  ['基本支出明细', 'A3', '3010', /经济分类科目编码/],
  ['基本支出明细', 'C5', '1.2.3', /不是有效金额/],
  ['三公经费', 'B5', '0.5万', /不是有效金额/],
  ['项目', 'B3', null, /未填写“年初预算数”/],
  ['项目', 'F4', '可能', /应填“是”或“否”/],
  ['项目', 'G2', '77.491', /不是有效百分比/],
  ['支付进度', 'A3', 13, /12/],
  ['文字部分', 'A5', '未知部分', /部分应为/],
];

async function plantedWorkbook(): Promise<Buffer> {
  const read = await readDatasetFile('examples/yuhua-2020.yaml');
  if (!read.ok) throw new Error('seed unreadable');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await datasetToWorkbook(read.dataset)) as unknown as ExcelJS.Buffer);
  for (const [sheet, cell, value] of PLANTED) book.getWorksheet(sheet)!.getCell(cell).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing a workbook with errors', () => {
  it('reports all 10 planted errors with their sheet and cell, and gives no dataset', async () => {
    const result = await readWorkbook(await plantedWorkbook());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.cell).sort()).toEqual(PLANTED.map(([s, c]) => `${s}!${c}`).sort());
    for (const [sheet, cell, , message] of PLANTED) {
      expect(result.errors.find((e) => e.cell === `${sheet}!${cell}`)?.message).toMatch(message);
    }
    expect(workbookFindingText(result.errors.find((e) => e.cell === '收入!C2')!)).toBe('收入!C2: 不是有效金额：x12');
  });

  it('refuses a file that is not a workbook', async () => {
    const result = await readWorkbook(Buffer.from('not a zip'));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'XLSX_UNREADABLE' }] });
  });
});
