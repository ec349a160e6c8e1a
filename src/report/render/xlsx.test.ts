import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formOf, mofProjectForm } from '../../domain/forms/form-fixtures.js';
import { packForDataset } from '../../domain/scoring/packs/builtin-packs.js';
import type { Dataset } from '../../domain/dataset/schema.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel, ReportTable } from '../model/types.js';
import { renderXlsx } from './xlsx.js';

/** An example dataset rendered to XLSX under the pack it names, read back with exceljs. */
async function workbookOf(example: string, change = (d: Dataset) => d): Promise<ExcelJS.Workbook> {
  const read = await readDatasetFile(fileURLToPath(new URL(`../../../examples/${example}`, import.meta.url)));
  if (!read.ok) throw new Error(`${example} does not parse`);
  const pack = packForDataset(read.dataset.rulePack);
  if (pack === null) throw new Error(`${example}: unknown pack`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderXlsx(buildReportModel(reportInputFor(change(read.dataset), pack)))) as never);
  return book;
}

const withForms = (dataset: Dataset, names: readonly string[]): Dataset => ({
  ...dataset,
  forms: names.map((name) => formOf({ ...mofProjectForm(), name })),
});

const merges = (sheet: ExcelJS.Worksheet): string[] => sheet.model.merges;

/** The row showing `label` in column A, B or C. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if ([1, 2, 3].some((c) => row.getCell(c).value === label)) return row;
  }
  throw new Error(`no row ${label}`);
}

describe('the MoF 项目支出绩效自评表 as a workbook', () => {
  it('has one sheet named after the form, its title and the department above the table', async () => {
    const book = await workbookOf('mof-project-form-2020.yaml');
    expect(book.worksheets.map((s) => s.name)).toEqual(['项目支出绩效自评表']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('（2020年度）项目支出绩效自评表');
    expect(sheet.getCell('A2').value).toBe('某县水利局');
    expect(sheet.getCell('A3').value).toBe('项目名称');
    expect(sheet.getCell('B3').value).toBe('农村饮水安全巩固提升工程');
  });

  it('writes the funds figures as numbers in the format the form prints them', async () => {
    const sheet = (await workbookOf('mof-project-form-2020.yaml')).worksheets[0]!;
    const total = rowOf(sheet, '年度资金总额');
    const cells = [5, 6, 7, 8, 9, 10].map((c) => total.getCell(c));
    expect(cells.map((c) => c.value)).toEqual([500, 600, 578.6, 10, 0.9643, 9.64]);
    expect(cells.map((c) => c.numFmt)).toEqual(['0.00', '0.00', '0.00', '0', '0.00%', '0.00']);
    const other = rowOf(sheet, '其他资金');
    expect([other.getCell(8).value, other.getCell(9).value]).toEqual(['—', 0]);
    expect(other.getCell(9).numFmt).toBe('0.00%');
  });

  it('has the indicator grid with 一级 / 二级 merged, printed values as text, and the 总分 row', async () => {
    const sheet = (await workbookOf('mof-project-form-2020.yaml')).worksheets[0]!;
    const quality = rowOf(sheet, '产出').number;
    expect(sheet.getRow(quality + 1).getCell(4).value).toBe('水质达标率');
    expect(sheet.getRow(quality + 1).getCell(5).value).toBe('≥95%');
    const total = rowOf(sheet, '总分');
    expect([7, 8, 9, 10].map((c) => total.getCell(c).value)).toEqual([100, 99.64, '自评等级', '优']);
    expect(merges(sheet)).toEqual(
      expect.arrayContaining(['B3:J3', 'A5:A9', 'A10:A11', 'A12:A19', `B${quality}:B${quality + 3}`, 'A20:F20']),
    );
  });

  it('prints on A4 landscape, one page wide, the title rows repeated, in 宋体 with borders', async () => {
    const sheet = (await workbookOf('mof-project-form-2020.yaml')).worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:2');
    const cell = rowOf(sheet, '年度资金总额').getCell(7);
    expect(cell.font.name).toBe('宋体');
    expect(cell.border.top?.style).toBe('thin');
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width ?? 0);
  });
});

describe('the Hunan 部门整体支出绩效自评表 as a workbook', () => {
  it('shows the department funds block by source and the scores the form prints', async () => {
    const book = await workbookOf('hunan-department-form-2021.yaml');
    expect(book.worksheets.map((s) => s.name)).toEqual(['部门整体支出绩效自评表']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('（2021年度）部门整体支出绩效自评表');
    expect(rowOf(sheet, '部门资金（万元）').getCell(5).value).toBe('年初预算数');
    const total = rowOf(sheet, '年度资金总额');
    expect([5, 6, 7, 8, 9, 10].map((c) => total.getCell(c).value)).toEqual([1225.2, 1262.5, 1241.46, 10, 0.9493, 9.49]);
    const carried = rowOf(sheet, '其中：年初结转结余');
    expect([5, 6, 7, 9].map((c) => carried.getCell(c).value)).toEqual([45.2, null, 40.1, 0.8872]);
    const timely = rowOf(sheet, '时效');
    expect(timely.getCell(8).value).toBe(9);
    expect(timely.getCell(9).value).toBe('两期月度数据发布较计划推迟 1 天，已调整审核流程。');
    expect(rowOf(sheet, '总分').getCell(8).value).toBe(95.49);
    expect(merges(sheet)).toEqual(
      expect.arrayContaining([`A${rowOf(sheet, '部门资金（万元）').number}:A${carried.number + 1}`]),
    );
  });
});

describe('a narrative report as a workbook', () => {
  it('holds its annex 自评表 on its own sheet, headed as the annex is; the text stays in the documents', async () => {
    const book = await workbookOf('yuhua-2020.yaml');
    expect(book.worksheets.map((s) => s.name)).toEqual(['附件：2020年度部门整体支出绩效自评表']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('附件：2020年度部门整体支出绩效自评表');
    expect(rowOf(sheet, '总分').getCell(8).value).toBe(98.49);
  });
});

describe('several forms as a workbook', () => {
  it('gives a form document one sheet per project, named after it, each with its caption', async () => {
    const book = await workbookOf('mof-project-form-2020.yaml', (d) => withForms(d, ['甲工程', '乙工程']));
    expect(book.worksheets.map((s) => s.name)).toEqual(['甲工程', '乙工程']);
    const sheet = book.worksheets[1]!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual([
      '二、乙工程',
      '（2020年度）项目支出绩效自评表',
    ]);
    expect(sheet.getCell('B3').value).toBe('乙工程');
  });

  it('gives a narrative report its 自评表 and each project table as annex sheets', async () => {
    const book = await workbookOf('yuhua-2020.yaml', (d) => withForms(d, ['农村饮水安全巩固提升工程']));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '附件1：2020年度部门整体支出绩效自评表',
      '附件2：农村饮水安全巩固提升工程项目支出绩效自评表',
    ]);
  });
});

describe('a document whose tables are all in its text (决算说明)', () => {
  const table = (caption: string): ReportTable => ({
    caption,
    header: ['项目', '决算数'],
    rows: [['基本支出', '906.72']],
    numericColumns: [1],
    widths: [3, 2],
  });
  const model: ReportModel = {
    title: '2021年度某局部门决算说明',
    department: '某局',
    fiscalYear: 2021,
    unit: '万元',
    sections: [
      { id: 'one', heading: '一、部门基本情况', blocks: [{ kind: 'paragraph', text: '某局……' }] },
      {
        id: 'two',
        heading: '二、支出决算情况',
        blocks: [
          { kind: 'paragraph', text: '本年支出……' },
          { kind: 'table', table: table('支出决算表（单位：万元）') },
          { kind: 'table', table: table('支出决算表（单位：万元）') },
        ],
      },
    ],
    annexes: [
      {
        id: 'notes',
        heading: '附：数据核对提示',
        blocks: [{ kind: 'paragraph', text: '1. 某项合计不等于各行之和。' }],
      },
    ],
  };

  it('gives each of its tables a sheet named by its caption, the header row repeated, portrait when narrow; notes last', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(model)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['支出决算表', '支出决算表（2）', '附：数据核对提示']);
    const notes = book.worksheets[2]!;
    expect([notes.getCell('A1').value, notes.getCell('A2').value]).toEqual([
      '附：数据核对提示',
      '1. 某项合计不等于各行之和。',
    ]);
    const sheet = book.worksheets[0]!;
    expect([1, 2, 3].map((r) => sheet.getCell(`A${r}`).value)).toEqual([
      '二、支出决算情况',
      '支出决算表（单位：万元）',
      '项目',
    ]);
    expect([sheet.getCell('B4').value, sheet.getCell('B4').numFmt]).toEqual([906.72, '0.00']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', printTitlesRow: '1:3' });
  });
});
