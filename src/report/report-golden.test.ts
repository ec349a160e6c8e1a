import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { buildReportModel } from './model/build-report.js';
import type { ReportModel } from './model/types.js';
import { drawCharts } from './render/chart-images.js';
import { DOCUMENT_FORMATS, renderReport, type ReportFormat } from './render/index.js';
import { extractText, squeeze } from './testing/extract-text.js';
import {
  figureSentences,
  numbersOf,
  SEED_DATASET,
  seedSectionsOneAndTwo,
  seedTables,
} from './testing/seed-sentences.js';

const HEADINGS = [
  '一、部门（单位）基本情况',
  '二、部门整体预算支出情况',
  '三、部门整体支出绩效情况',
  '四、存在的问题及原因分析',
  '五、下一步改进措施',
  '六、绩效自评结果拟应用和公开情况',
  '七、其他需要说明的情况',
];

/**
 * Seed sentences the report words differently on purpose; each must still appear with the same numbers in the
 * same order. Keyed by the start of the seed sentence.
 */
const REWORDED: Readonly<Record<string, string>> = {
  // Official 三公 item names (公务用车运行维护费, 公务接待费, 因公出国（境）费) instead of the seed's variants.
  '其中“三公”经费支出情况': '其中“三公”经费支出情况',
  // The full project name (…工作经费), where the seed shortens it.
  其中全区行政效能及: '其中全区行政效能及',
};

let model: ReportModel;
const texts = new Map<ReportFormat, string>();

beforeAll(async () => {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('seed dataset does not parse');
  model = buildReportModel({ dataset: read.dataset });
  const charts = drawCharts(model);
  for (const format of DOCUMENT_FORMATS)
    texts.set(format, await extractText(format, await renderReport(model, format, charts)));
}, 60_000);

describe.each(DOCUMENT_FORMATS)('the %s report of the seed', (format) => {
  const text = () => squeeze(texts.get(format) ?? '');

  it('contains every figure sentence of sections 一 and 二, with the seed numbers', async () => {
    const sentences = figureSentences(await seedSectionsOneAndTwo());
    expect(sentences.length).toBeGreaterThan(25);
    const ours = text().split('。');
    for (const sentence of sentences) {
      const reworded = Object.keys(REWORDED).find((start) => sentence.startsWith(start));
      if (reworded === undefined) {
        expect(text(), sentence).toContain(sentence);
      } else {
        const match = ours.find((s) => s.includes(REWORDED[reworded] ?? ''));
        expect(match, sentence).toBeDefined();
        expect(numbersOf(match ?? ''), sentence).toEqual(numbersOf(sentence));
      }
    }
  });

  it('has the seven headings in order', () => {
    let from = 0;
    for (const heading of HEADINGS) {
      const at = text().indexOf(heading, from);
      expect(at, heading).toBeGreaterThanOrEqual(from);
      from = at + heading.length;
    }
  });

  it('has both detail tables with the seed rows and totals, in order', async () => {
    const tables = await seedTables();
    expect(tables.map((t) => t.at(-1))).toEqual([
      ['合计', '596.04'],
      ['合计', '244.71'],
    ]);
    const flat = text().replace(/\|/g, '');
    let from = flat.indexOf('明细支出内容');
    for (const table of tables) {
      expect(table.length).toBeGreaterThan(5);
      for (const [label, amount] of table) {
        const at = flat.indexOf(`${label}${amount}`, from);
        expect(at, `${label} ${amount}`).toBeGreaterThan(from);
        from = at;
      }
    }
  });
});

describe('report model of the seed', () => {
  it('prints the certified 840.74 where the raw facts sum to 840.75 (a rounding difference)', () => {
    const texts = (model.sections[1]?.blocks ?? []).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.some((t) => t.includes('支出决算数为840.74万元'))).toBe(true);
    expect(texts.some((t) => t.includes('840.75'))).toBe(false);
  });

  it('embeds the four charts', () => {
    const charts = model.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'chart'));
    expect(charts.map((c) => (c.kind === 'chart' ? c.chart.id : ''))).toEqual([
      'income',
      'basic-by-class',
      'projects',
      'payment-progress',
    ]);
  });
});
