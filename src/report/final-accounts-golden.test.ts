import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packForDataset } from '../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { buildReportModel } from './model/build-report.js';
import { reportInputFor } from './model/report-input.js';
import { drawCharts } from './render/chart-images.js';
import { DOCUMENT_FORMATS, renderReport, type DocumentFormat } from './render/index.js';
import { extractText, squeeze } from './testing/extract-text.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/hunan-final-accounts-2021.yaml', import.meta.url));

/** Every figure the example states or derives, as the 决算说明 prints it (amounts in 万元, two decimals). */
const FIGURES = [
  '收入总计1172.80万元',
  '本年收入合计1116.60万元',
  '年初结转和结余56.20万元',
  '本年支出合计1160.10万元',
  '年末结转和结余12.70万元',
  '增加66.60万元，增长6.34%',
  '增加80.10万元，增长7.42%',
  '财政拨款收入1104.30万元，占98.90%',
  '其他收入12.30万元，占1.10%',
  '基本支出828.60万元，占71.42%',
  '项目支出331.50万元，占28.58%',
  '“三公”经费预算18.00万元',
  '支出决算16.00万元，完成预算的88.89%',
  '减少1.50万元，下降8.57%',
  '下降10.00%',
  '公务用车购置及运行维护费支出12.40万元，占77.50%',
  '公务用车保有量3辆',
  '公务接待费支出3.60万元，占22.50%',
  '国内公务接待22批次、180人次',
  '预算完成率94.39%',
  '预算调整率2.63%',
  '结转结余率1.03%',
  '公用经费控制率93.64%',
  '政府采购执行率94.20%',
  '在职人员控制率94.29%',
];

/** The only zero amounts the example states in a sentence: 因公出国（境）费 and 公务用车购置费, each 0. */
const STATED_ZEROS = ['因公出国（境）费支出', '公务用车购置费'];

const texts = new Map<DocumentFormat, string>();

beforeAll(async () => {
  const read = await readDatasetFile(EXAMPLE);
  if (!read.ok) throw new Error('example does not parse');
  const pack = packForDataset(read.dataset.rulePack);
  if (pack === null) throw new Error('unknown pack');
  const model = buildReportModel(reportInputFor(read.dataset, pack));
  const charts = drawCharts(model);
  for (const format of DOCUMENT_FORMATS)
    texts.set(format, squeeze(await extractText(format, await renderReport(model, format, charts))));
}, 60_000);

describe.each(DOCUMENT_FORMATS)('the %s 决算说明 of the Hunan example', (format) => {
  const text = () => texts.get(format) ?? '';

  it('renders and contains each stated figure', () => {
    expect(text()).toContain('2021年度某县文化旅游广电局部门决算说明');
    for (const figure of FIGURES) expect(text(), figure).toContain(figure);
  });

  it('prints no zero the file does not state', () => {
    for (const match of text().matchAll(/(?<![\d.])0(?:\.00)?万元/g)) {
      const before = text().slice(0, match.index);
      expect(
        STATED_ZEROS.some((label) => before.endsWith(label)),
        text().slice(Math.max(0, match.index - 20), match.index + 8),
      ).toBe(true);
    }
    expect(text()).not.toMatch(/预算数0|预算0/);
  });

  it('has no self-evaluation annex, no score and no empty narrative sections', () => {
    expect(text()).not.toMatch(/自评表|自评等级|总分|本部分尚未填写|收入收入/);
  });
});
