import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { nationalPack } from '../../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from '../model/build-report.js';
import { reportInputFor } from '../model/report-input.js';
import type { Block, ReportModel } from '../model/types.js';
import { oneSectionReport, sentences, slidingHeadings } from '../testing/one-section.js';
import { SEED_DATASET } from '../testing/seed-sentences.js';
import { documentDefinition, renderPdf } from './pdf.js';
import { useWidowFix } from './pdf-keep.js';
import { LINE_PITCH, MARGINS, MM } from './pdf-page.js';

type Line = { text: string; x: number; y: number };

/** Each page's text lines (pdf.js items joined by baseline), top to bottom, page numbers left out. */
async function pageLines(bytes: Buffer): Promise<{ width: number; height: number; lines: Line[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const items = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [{ text: item.str, x: item.transform[4] as number, y: height - (item.transform[5] as number) }]
        : [],
    );
    const lines: Line[] = [];
    for (const item of items.sort((a, b) => a.y - b.y || a.x - b.x)) {
      const line = lines.at(-1);
      if (line !== undefined && Math.abs(line.y - item.y) < 3) line.text += item.text;
      else lines.push({ ...item });
    }
    pages.push({ width, height, lines: lines.filter((l) => !/^—\s*\d+\s*—$/.test(l.text.trim())) });
  }
  await pdf.destroy();
  return pages;
}

let seed: ReportModel;
let pages: Awaited<ReturnType<typeof pageLines>>;
let bytes: Buffer;

beforeAll(async () => {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('seed dataset does not parse');
  seed = buildReportModel(reportInputFor(read.dataset, nationalPack()));
  bytes = await renderPdf(seed, undefined, { date: new Date('2021-03-04T17:00:00Z') });
  pages = await pageLines(bytes);
}, 120_000);

/** Every heading and table caption of a model, as printed. */
const headingsOf = (model: ReportModel): string[] =>
  [...model.sections, ...model.annexes].flatMap((s) => [
    s.heading,
    ...s.blocks.flatMap((b) =>
      b.kind === 'heading' ? [b.text] : b.kind === 'table' && b.table.caption !== undefined ? [b.table.caption] : [],
    ),
  ]);

describe('the seed PDF in the layout of GB/T 9704-2012', () => {
  it('is A4 with 天头 37 mm, 订口 28 mm and a 156 × 225 mm type area', () => {
    const definition = documentDefinition(seed, new Map());
    expect(definition.pageSize).toBe('A4');
    expect(definition.pageMargins).toEqual([28 * MM, 37 * MM, 26 * MM, 35 * MM]);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    // The body's paragraphs start two characters (32 pt) in from the 订口, and its text stays inside the type area.
    const body = pages[1]?.lines ?? [];
    expect(body.some((l) => Math.abs(l.x - (MARGINS.left + 32)) < 0.5)).toBe(true);
    for (const line of pages.slice(1).flatMap((p) => p.lines)) {
      expect(line.x).toBeGreaterThanOrEqual(MARGINS.left - 0.5);
      expect(line.y).toBeLessThanOrEqual(MARGINS.top + 225 * MM + 1);
    }
  });

  it('sets the body on the 22-line grid: 29 pt from line to line', () => {
    const paragraphLines = (pages[2]?.lines ?? []).slice(0, 8);
    const gaps = paragraphLines.slice(1).map((l, i) => l.y - (paragraphLines[i] as Line).y);
    expect(gaps.filter((gap) => Math.abs(gap - LINE_PITCH) < 0.01).length).toBeGreaterThan(4);
  });

  it('embeds its four fonts by name, as subsets', () => {
    const fonts = [...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(
      new Set(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular', 'MaShanZheng-Regular']),
    );
    expect(bytes.length).toBeLessThan(600_000);
  });

  it('opens with a cover: title, 报告单位, 所属年度 and 报告日期, and nothing of the body', () => {
    const cover = pages[0]?.lines.map((l) => l.text.replace(/\s+/g, '')) ?? [];
    expect(cover).toEqual([
      '2020年度雨花区行政审批服务局',
      '部门整体支出预算绩效自评报告',
      '报告单位：长沙市雨花区行政审批服务局',
      '所属年度：2020年度',
      '报告日期：2021年3月5日',
    ]);
    expect(pages[1]?.lines[0]?.text.replace(/\s+/g, '')).toBe('2020年度雨花区行政审批服务局');
  });

  it('never ends a page with a heading or a caption', () => {
    const headings = new Set(headingsOf(seed));
    for (const page of pages.slice(0, -1)) expect(headings.has(page.lines.at(-1)?.text ?? '')).toBe(false);
  });

  it('ends with a page of more than a few lines (the form annex set tighter to take back its 总分 row)', () => {
    expect(pages.at(-1)?.lines.length).toBeGreaterThan(4);
  });

  it('starts each annex on a new page with 附件 top left', () => {
    const annex = pages.find((p) => p.lines[0]?.text === '附件');
    expect(annex?.lines[0]?.x).toBeCloseTo(MARGINS.left, 0);
    expect(annex?.lines[1]?.text.replace(/\s+/g, '')).toBe('2020年度部门整体支出绩效自评表');
  });
});

describe('keep-with-next and the last page', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('never strands a heading at a page foot (%i filler lines)', async (filler) => {
    const rendered = await pageLines(await renderPdf(oneSectionReport(slidingHeadings(filler))));
    for (const page of rendered.slice(0, -1)) expect(page.lines.at(-1)?.text).not.toMatch(/^（\d）第\d项$/);
  });

  it('gives the last page more than a few lines (without the fix, some would hold one to three)', async () => {
    const lastPageLines = async (over: number) => {
      const blocks: Block[] = Array.from({ length: 13 }, () => sentences(6));
      blocks.push({ kind: 'paragraph', text: '决'.repeat(27 * over - 2) });
      const rendered = await pageLines(await renderPdf(oneSectionReport(blocks)));
      return rendered.at(-1)?.lines.length ?? 0;
    };
    const sweep = async () => {
      const counts: number[] = [];
      for (const over of [1, 2, 3, 4, 5, 6]) counts.push(await lastPageLines(over));
      return counts;
    };
    useWidowFix(false);
    const without = await sweep();
    useWidowFix(true);
    const fixed = await sweep();
    expect(without.some((n) => n < 4)).toBe(true);
    expect(fixed.every((n) => n >= 4)).toBe(true);
  });
});
