import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { mofProjectForm } from '../../domain/forms/form-fixtures.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import { extractText, squeeze } from '../testing/extract-text.js';
import { builtinPack, formDataset } from '../testing/form-dataset.js';
import { renderReport, REPORT_FORMATS } from './index.js';

const model = buildReportModel(
  reportInputFor(formDataset('projectForm', 'national', [mofProjectForm()]), builtinPack('national')),
);

describe('a 项目自评表 in every format', () => {
  // Short texts only: PDF text extraction splits a cell's wrapped lines.
  it.each(REPORT_FORMATS)('%s shows the form: title, project, funds, grid and 总分', async (format) => {
    const text = squeeze(await extractText(format, await renderReport(model, format)));
    for (const expected of [
      '（2020年度）项目支出绩效自评表',
      '农村饮水安全巩固提升工程',
      '年度资金总额',
      '578.60',
      '96.43%',
      '预期目标',
      '水质达标率',
      '99.64',
    ])
      expect(text).toContain(expected);
  });

  it('merges cells in HTML (rowspan, colspan) and in DOCX (vertical merge, grid span)', async () => {
    const html = (await renderReport(model, 'html')).toString('utf8');
    expect(html).toContain('<td rowspan="5" class="label">项目资金（万元）</td>');
    expect(html).toContain('<td rowspan="4">产出</td>');
    expect(html).toContain('<td colspan="9">农村饮水安全巩固提升工程</td>');
    const zip = await JSZip.loadAsync(await renderReport(model, 'docx'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:gridSpan w:val="9"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
  });

  it('merges the same cells in XLSX, one sheet per form', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReport(model, 'xlsx')) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['项目支出绩效自评表']);
    const merges = book.worksheets[0]?.model.merges ?? [];
    // Below the title and the department line: 项目名称 over nine columns, 项目资金 over five rows, 产出 over four.
    expect(merges).toEqual(expect.arrayContaining(['B3:J3', 'A5:A9', 'B13:B16']));
  });
});
