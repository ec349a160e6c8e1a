import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { renderDocx } from './docx.js';

let document = '';
let styles = '';
let settings = '';

beforeAll(async () => {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('seed dataset does not parse');
  const model = buildReportModel(reportInputFor(read.dataset, nationalPack()));
  const zip = await JSZip.loadAsync(await renderDocx(model, undefined, { date: new Date('2021-03-04T17:00:00Z') }));
  const file = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  [document, styles, settings] = await Promise.all([
    file('word/document.xml'),
    file('word/styles.xml'),
    file('word/settings.xml'),
  ]);
}, 120_000);

/** A style's XML by its id. */
const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
/** The text of each paragraph of the body, in order. */
const paragraphs = () =>
  document.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

describe('the seed DOCX in the layout of GB/T 9704-2012', () => {
  it('has A4 pages with 天头 37 mm, 订口 28 mm, 26 mm right, 35 mm bottom and a 22-line grid, in both sections', () => {
    const sections = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(section).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="580"/>');
    }
  });

  it('opens with a cover section without page numbers; the body counts pages from 1, odd right and even left', () => {
    const [cover, body] = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(cover).not.toContain('footerReference');
    expect(body).toContain('<w:footerReference w:type="default"');
    expect(body).toContain('<w:footerReference w:type="even"');
    expect(body).toContain('<w:pgNumType w:start="1"/>');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(paragraphs().slice(0, 5)).toEqual([
      '2020年度雨花区行政审批服务局部门整体支出预算绩效自评报告',
      '报告单位：长沙市雨花区行政审批服务局',
      '所属年度：2020年度',
      '报告日期：2021年3月5日',
      '2020年度雨花区行政审批服务局部门整体支出预算绩效自评报告',
    ]);
  });

  it.each([
    ['Title', '方正小标宋简体', 44],
    ['Heading1', '黑体', 32],
    ['Heading2', '楷体', 32],
    ['Heading3', '仿宋', 32],
    ['Caption', '黑体', 28],
  ])('names the fonts of %s: %s for Chinese, at %i half-points, kept with the next paragraph', (id, font, size) => {
    const xml = style(id);
    expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain(`<w:sz w:val="${size}"/>`);
    expect(xml).toContain('<w:keepNext/>');
  });

  it('sets the body in 三号仿宋 on exact 29 pt lines, paragraphs two characters in', () => {
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋"[\s\S]*<w:sz w:val="32"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(
      /<w:docDefaults>[\s\S]*<w:spacing w:line="580" w:lineRule="exact"\/>[\s\S]*<\/w:docDefaults>/,
    );
    expect(document).toContain('<w:ind w:firstLine="640"/>');
  });

  it('starts the annex on a new page: 附件 then its title', () => {
    const annex = document.indexOf('<w:pageBreakBefore/>');
    expect(annex).toBeGreaterThan(0);
    const texts = paragraphs();
    const at = texts.indexOf('附件');
    expect(texts[at + 1]).toBe('2020年度部门整体支出绩效自评表');
  });
});
