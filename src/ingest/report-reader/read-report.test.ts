import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableTexts, type ReportDocument, type TableBlock } from '../../domain/extraction/document.js';
import { gbkEncoder } from '../testing/gbk.js';
import { readReport } from './read-report.js';
import { titleRowCount } from './read-xlsx.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function read(bytes: Uint8Array, name = ''): Promise<ReportDocument> {
  const result = await readReport(bytes, name);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.document;
}

const paragraphs = (doc: ReportDocument) => doc.blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text]));
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is TableBlock => b.type === 'table').map(tableTexts);

/** A minimal one-page PDF (Helvetica) with text shown at the given positions; no text at all makes a "scan". */
function minimalPdf(texts: readonly { x: number; y: number; text: string }[]): Uint8Array {
  const stream = texts.map((t) => `BT /F1 11 Tf ${t.x} ${t.y} Td (${t.text}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}

describe('readReport', () => {
  it('reads plain text: one paragraph a line, Word "save as text" tables (tab cells, rows apart by blank lines)', async () => {
    const doc = await read(
      utf8('一、部门基本情况\n正文。\n\n\t明细支出内容\n\t金额\n\n\t办公费\n\t1.00\n\n\t合计\n\t1.00\n\n备注：无。\n'),
    );
    expect(paragraphs(doc)).toEqual(['一、部门基本情况', '正文。', '备注：无。']);
    expect(tables(doc)).toEqual([
      [
        ['明细支出内容', '金额'],
        ['办公费', '1.00'],
        ['合计', '1.00'],
      ],
    ]);
    const table = doc.blocks[2] as TableBlock;
    expect(table.afterParagraph).toBe(2);
  });

  it('reads `|`-separated and tab-separated rows as a table, skipping Markdown rules', async () => {
    const doc = await read(utf8('| 项目 | 金额 |\n|---|---|\n| 办公费 | 2.5 |\n差旅费\t3\n一、\t部门基本情况\n'));
    expect(tables(doc)).toEqual([
      [
        ['项目', '金额'],
        ['办公费', '2.5'],
        ['差旅费', '3'],
      ],
    ]);
    expect(paragraphs(doc)).toEqual(['一、 部门基本情况']);
  });

  it('reads GBK text as Chinese Windows saves it', async () => {
    const doc = await read(gbkEncoder()('年初预算为901.68万元。\n'));
    expect(paragraphs(doc)).toEqual(['年初预算为901.68万元。']);
  });

  it('refuses bytes that are no text it knows with FILE_ENCODING', async () => {
    const result = await readReport(Uint8Array.of(0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0));
    expect(result).toMatchObject({ ok: false, code: 'FILE_ENCODING' });
  });

  it('reads HTML: headings, paragraphs, entities and tables with colspan and rowspan', async () => {
    const html = `<html><head><title>x</title><style>p{}</style></head><body>
      <h2>二、部门整体预算支出情况</h2><p>年初预算为&nbsp;901.68万元&#65292;实际<b>收入</b>929.65万元。</p>
      <table><tr><th colspan="2">项目</th><th>金额</th></tr>
      <tr><td rowspan="2">基本</td><td>工资</td><td>1.00</td></tr><tr><td>办公费</td><td>2.00</td></tr></table>
      <p>项目 | 金额</p><p>合计 | 3.00</p></body></html>`;
    const doc = await read(utf8(html));
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', text: '二、部门整体预算支出情况' });
    expect(paragraphs(doc)).toEqual(['二、部门整体预算支出情况', '年初预算为 901.68万元，实际收入929.65万元。']);
    expect(tables(doc)).toEqual([
      [
        ['项目', '项目', '金额'],
        ['基本', '工资', '1.00'],
        ['基本', '办公费', '2.00'],
      ],
      [
        ['项目', '金额'],
        ['合计', '3.00'],
      ],
    ]);
  });

  it('reads DOCX paragraphs and tables in order, resolving horizontal and vertical merges', async () => {
    const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...extra });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '一、部门（单位）基本情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '正文第一段。', alignment: AlignmentType.LEFT }),
            new Table({
              rows: [
                new TableRow({ children: [cell('一级指标'), cell('三级指标', { columnSpan: 2 })] }),
                new TableRow({
                  children: [cell('产出', { verticalMerge: VerticalMergeType.RESTART }), cell('数量'), cell('5件')],
                }),
                new TableRow({
                  children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('质量'), cell('100%')],
                }),
              ],
            }),
            new Paragraph('表后段落。'),
          ],
        },
      ],
    });
    const doc = await read(new Uint8Array(await Packer.toBuffer(document)));
    expect(doc.format).toBe('docx');
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', paragraph: 1 });
    expect(paragraphs(doc)).toEqual(['一、部门（单位）基本情况', '正文第一段。', '表后段落。']);
    expect(tables(doc)).toEqual([
      [
        ['一级指标', '三级指标', '三级指标'],
        ['产出', '数量', '5件'],
        ['产出', '质量', '100%'],
      ],
    ]);
  });

  it('reads XLSX sheets as tables: merged cells, formula results and percentages as shown', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('自评表');
    sheet.addRow(['项目名称', '示例项目', '']);
    sheet.mergeCells('B1:C1');
    sheet.addRow(['执行率', 0.9517, { formula: '1+2', result: 3 }]);
    sheet.getCell('B2').numFmt = '0.00%';
    const doc = await read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(doc.blocks[0]).toMatchObject({ type: 'table', sheet: '自评表' });
    expect(tables(doc)).toEqual([
      [
        ['项目名称', '示例项目', '示例项目'],
        ['执行率', '95.17%', '3'],
      ],
    ]);
  });

  it('reads an XLSX sheet’s title rows (merged across the sheet) as paragraphs, the year among them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目支出绩效自评表');
    sheet.addRow(['（2020年度）项目支出绩效自评表']);
    sheet.mergeCells('A1:C1');
    sheet.addRow(['某县水利局']);
    sheet.mergeCells('A2:C2');
    sheet.addRow(['项目名称', '农村饮水安全巩固提升工程', '']);
    sheet.mergeCells('B3:C3');
    sheet.addRow(['执行率', '96.43%', '9.64']);
    const doc = await read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', text: '（2020年度）项目支出绩效自评表' });
    expect(paragraphs(doc)).toEqual(['（2020年度）项目支出绩效自评表', '某县水利局']);
    expect(tables(doc)).toEqual([
      [
        ['项目名称', '农村饮水安全巩固提升工程', '农村饮水安全巩固提升工程'],
        ['执行率', '96.43%', '9.64'],
      ],
    ]);
  });

  it.each([
    [
      'a title merged across, then the table',
      [
        ['标题', '标题'],
        ['a', 'b'],
      ],
      1,
    ],
    [
      'a lone first cell naming a year',
      [
        ['2021年度部门整体支出绩效自评表', ''],
        ['a', 'b'],
      ],
      1,
    ],
    [
      'a lone first cell without a year (a label)',
      [
        ['资金来源', ''],
        ['a', 'b'],
      ],
      0,
    ],
    [
      'a blank row between two titles',
      [
        ['标题', '标题'],
        ['', ''],
        ['单位', '单位'],
        ['a', 'b'],
      ],
      3,
    ],
    ['a one-row sheet (the table keeps its row)', [['标题', '标题']], 0],
    ['a one-column sheet', [['标题'], ['a']], 0],
  ] as const)('counts the title rows of %s', (_, rows, count) => {
    expect(titleRowCount(rows)).toBe(count);
  });

  it('reads a PDF text layer: lines joined, wide gaps split cells into a table row', async () => {
    const doc = await read(
      minimalPdf([
        { x: 60, y: 780, text: 'Report title' },
        { x: 60, y: 740, text: 'Item' },
        { x: 300, y: 740, text: 'Amount' },
        { x: 60, y: 720, text: 'Office' },
        { x: 300, y: 720, text: '596.04' },
      ]),
    );
    expect(doc.format).toBe('pdf');
    expect(paragraphs(doc)).toEqual(['Report title']);
    expect(tables(doc)).toEqual([
      [
        ['Item', 'Amount'],
        ['Office', '596.04'],
      ],
    ]);
    expect(doc.blocks[0]).toMatchObject({ page: 1 });
  });

  it('refuses a PDF without a text layer (a scan) with PDF_NO_TEXT and a Chinese message', async () => {
    const result = await readReport(minimalPdf([]));
    expect(result).toMatchObject({ ok: false, code: 'PDF_NO_TEXT' });
    expect(result.ok ? '' : result.message).toContain('扫描件');
  });

  it('refuses a damaged PDF and a legacy .doc in Chinese', async () => {
    expect(await readReport(utf8('%PDF-1.4 garbage'))).toMatchObject({ ok: false, code: 'PDF_UNREADABLE' });
    expect(await readReport(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toMatchObject({
      ok: false,
      code: 'REPORT_FORMAT',
    });
  });
});
