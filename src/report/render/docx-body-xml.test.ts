import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packForDataset } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { ReportModel, ReportTable } from '../model/types.js';
import { libraryBody } from '../testing/docx-library-body.js';
import { drawCharts } from './chart-images.js';
import { compileDocx } from './docx-package.js';
import { tableXml } from './docx-body-xml.js';
import { reportBody, reportDocument, reportDocxFiles } from './docx.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const DATE = new Date('2021-03-31T08:00:00Z');

async function exampleModel(file: string): Promise<ReportModel> {
  const read = await readDatasetFile(`${EXAMPLES}${file}`);
  if (!read.ok) throw new Error(`cannot read ${file}`);
  const pack = packForDataset(read.dataset.rulePack);
  if (pack === null) throw new Error(`no rule pack for ${file}`);
  return buildReportModel(reportInputFor(read.dataset, pack));
}

/** Every file of the package, written both ways: the body as XML text, and the body as docx's objects. */
function bothWays(model: ReportModel) {
  const charts = drawCharts(model);
  const written = reportDocxFiles(model, reportBody(model, charts), DATE);
  const library = compileDocx(reportDocument(model, libraryBody(model, charts), DATE));
  return { written, library };
}

/**
 * What differs from one compilation to the next left out: the package's creation time (docProps/core.xml), and the
 * pictures' drawing ids, which docx counts up across the documents of a process.
 */
const timeless = (xml: string) =>
  xml.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '(time)').replace(/(docPr|cNvPr) id="\d+"/g, '$1 id="(n)"');

/** Where two texts first differ, with a little of each around it ('' when they are the same). */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(i - 120, i + 80)}… against …${b.slice(i - 120, i + 80)}…`;
}

function expectSamePackage(model: ReportModel): void {
  const { written, library } = bothWays(model);
  expect([...written.keys()]).toEqual([...library.keys()]);
  for (const [path, content] of library) {
    const mine = written.get(path);
    if (typeof content === 'string')
      expect(firstDifference(timeless(mine as string), timeless(content)), path).toBe('');
    else expect(Buffer.from(mine as Uint8Array).equals(Buffer.from(content)), path).toBe(true);
  }
}

/** Tables that reach docx's corners: merges over rows and columns, label and total rows, odd text, no header. */
const EDGE_TABLES: ReportTable[] = [
  {
    caption: '表1 合并<单元格> & "引号"',
    header: ['项目', '指标', '分值', '得分'],
    rows: [
      ['产出', '数量', '10', ''],
      ['', '质量', '10', '9.5'],
      ['', '时效', "5'", '5'],
      ['效益', '社会\n效益', '20', '\u0001\u0008 18'],
      ['', '满意度', '10', '  '],
    ],
    totalRow: ['合计', '', '55', '47.5'],
    numericColumns: [2, 3],
    widths: [2, 3, 1, 1],
    note: '注：测试 & 说明',
    spans: [
      { row: 0, column: 0, rowSpan: 3, colSpan: 1 },
      { row: 3, column: 0, rowSpan: 2, colSpan: 1 },
      { row: 5, column: 0, rowSpan: 1, colSpan: 2 },
    ],
    labelRows: [3],
  },
  {
    header: [],
    rows: [
      ['单位名称', '某局', '', ''],
      ['资金', '年初', '全年', '执行'],
      ['', '1', '2', '3'],
      ['', '4', '5', '6'],
    ],
    numericColumns: [],
    widths: [1, 1, 1, 1],
    spans: [
      { row: 0, column: 1, rowSpan: 1, colSpan: 3 },
      { row: 1, column: 0, rowSpan: 3, colSpan: 1 },
      { row: 2, column: 1, rowSpan: 2, colSpan: 2 },
    ],
    labelRows: [1],
  },
  { header: ['只有表头'], rows: [], numericColumns: [], widths: [1] },
];

describe('the DOCX body written as XML', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')))(
    'is byte for byte what docx writes for %s',
    async (file) => expectSamePackage(await exampleModel(file)),
  );

  it('is byte for byte what docx writes for merged cells, empty cells, entities and control characters', async () => {
    const seed = await exampleModel('yuhua-2020.yaml');
    const model: ReportModel = {
      ...seed,
      title: '标题 & <特殊> "字符"',
      sections: [
        ...seed.sections,
        {
          id: 'edge',
          heading: '',
          blocks: [
            { kind: 'heading', level: 2, text: '' },
            { kind: 'heading', level: 3, text: '（三）三级 & 标题' },
            { kind: 'paragraph', text: '' },
            { kind: 'paragraph', text: '段落 \' " < > & \u000b 结束' },
            ...EDGE_TABLES.map((table) => ({ kind: 'table' as const, table })),
          ],
        },
      ],
      annexes: [
        ...seed.annexes,
        { id: 'blank', heading: '', blocks: [{ kind: 'paragraph', text: '无标题附件' }] },
        { id: 'annex', heading: '附件3：某某表', blocks: EDGE_TABLES.map((table) => ({ kind: 'table', table })) },
      ],
    };
    expectSamePackage(model);
  });

  it('refuses a table whose column widths add up to nothing, as docx did, rather than write a file Word rejects', () => {
    expect(() => tableXml({ header: ['甲'], rows: [], numericColumns: [], widths: [0] }, 8845)).toThrow(RangeError);
  });
});
