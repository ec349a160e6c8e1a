import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../domain/dataset/schema.js';
import { parseDataset } from '../../domain/dataset/parse.js';
import { packForDataset } from '../../domain/scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { buildReportModel } from './build-report.js';
import { reportInputFor } from './report-input.js';
import type { ReportModel, ReportSection, ReportTable } from './types.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/hunan-final-accounts-2021.yaml', import.meta.url));

let example: Dataset;
let model: ReportModel;

function modelOf(dataset: Dataset): ReportModel {
  const pack = packForDataset(dataset.rulePack);
  if (pack === null) throw new Error('unknown pack');
  return buildReportModel(reportInputFor(dataset, pack));
}

/** The example with some of its raw document changed (the YAML's own values are strings, as here). */
function variant(edit: (raw: Record<string, unknown>) => void): Dataset {
  const raw = JSON.parse(JSON.stringify(exampleRaw)) as Record<string, unknown>;
  edit(raw);
  const parsed = parseDataset(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

let exampleRaw: unknown;

const section = (m: ReportModel, id: string): ReportSection | undefined => m.sections.find((s) => s.id === id);
const text = (s: ReportSection | undefined): string =>
  (s?.blocks ?? []).map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : '')).join('');
const tables = (s: ReportSection | undefined): ReportTable[] =>
  (s?.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const allText = (m: ReportModel): string =>
  [...m.sections, ...m.annexes]
    .flatMap((s) => [
      s.heading,
      text(s),
      ...tables(s).flatMap((t) => [...t.header, ...t.rows.flat(), ...(t.totalRow ?? [])]),
    ])
    .join('\n');

beforeAll(async () => {
  const read = await readDatasetFile(EXAMPLE);
  if (!read.ok) throw new Error('example does not parse');
  example = read.dataset;
  const { parse } = await import('yaml');
  const { readFile } = await import('node:fs/promises');
  exampleRaw = parse(await readFile(EXAMPLE, 'utf8'));
  model = modelOf(example);
});

describe('the 决算说明 report (examples/hunan-final-accounts-2021.yaml)', () => {
  it('has the sections of a 决算说明 and no self-evaluation table or annex', () => {
    expect(model.title).toBe('2021年度某县文化旅游广电局部门决算说明');
    expect(model.sections.map((s) => s.heading)).toEqual([
      '一、部门基本情况',
      '二、收入支出决算总体情况',
      '三、收入决算情况',
      '四、支出决算情况',
      '五、“三公”经费支出决算情况',
      '六、预算管理指标情况',
    ]);
    expect(model.annexes).toEqual([]);
    expect(allText(model)).not.toMatch(/自评表|自评等级|总分|本部分尚未填写/);
  });

  it('prints 收入总计 = 本年收入 + 年初结转 and the year-end balance', () => {
    expect(text(section(model, 'totals'))).toContain(
      '2021年度收入总计1172.80万元，其中本年收入合计1116.60万元，年初结转和结余56.20万元；本年支出合计1160.10万元，年末结转和结余12.70万元。',
    );
    expect(text(section(model, 'income'))).toContain('年初结转和结余56.20万元，全部为项目支出结转。');
  });

  it('compares with last year on the base it uses', () => {
    const totals = section(model, 'totals');
    expect(text(totals)).toContain(
      '与上年相比，本年收入合计增加66.60万元，增长6.34%（以上年本年收入合计1050.00万元为基数）；本年支出合计增加80.10万元，增长7.42%（上年1080.00万元）。',
    );
    expect(tables(totals)[0]?.rows).toContainEqual(['本年收入合计', '1116.60', '1050.00', '66.60', '6.34%']);
    const onGrandTotal = modelOf(
      variant((raw) => {
        raw['priorYear'] = { incomeGrandTotal: '1100', changeRateBase: 'incomeGrandTotal' };
      }),
    );
    // 1172.80 − 1100 = 72.80; 72.80 ÷ 1100 = 6.618… % → 6.62 %.
    expect(text(section(onGrandTotal, 'totals'))).toContain(
      '收入总计（含年初结转和结余）增加72.80万元，增长6.62%（以上年收入总计（含年初结转和结余）1100.00万元为基数）',
    );
  });

  it('prints each income source once named, with its share', () => {
    const income = text(section(model, 'income'));
    expect(income).toContain('其中：财政拨款收入1104.30万元，占98.90%；其他收入12.30万元，占1.10%。');
    expect(allText(model)).not.toContain('收入收入');
  });

  it('prints 三公 as the form does: the budget only as its total, the 公务用车 subtotal, shares and counts', () => {
    const threePublic = section(model, 'three-public');
    expect(text(threePublic)).toContain(
      '2021年度“三公”经费预算18.00万元（预算只列合计，未分项列示），支出决算16.00万元，完成预算的88.89%。',
    );
    expect(text(threePublic)).toContain(
      '“三公”经费支出减少1.50万元，下降8.57%（上年17.50万元）；预算减少2.00万元，下降10.00%',
    );
    expect(text(threePublic)).toContain('公务用车购置及运行维护费支出12.40万元，占77.50%');
    expect(text(threePublic)).toContain('公务用车保有量3辆');
    expect(text(threePublic)).toContain('公务接待费支出3.60万元，占22.50%，国内公务接待22批次、180人次');
    expect(text(threePublic)).not.toMatch(/预算数?0/);
    const table = tables(threePublic)[0];
    expect(table?.rows.map((r) => r[1])).toEqual(['—', '—', '—', '—', '—']);
    expect(table?.totalRow).toEqual(['合计', '18.00', '16.00', '100.00%']);
  });

  it('compares each 三公 item with last year where the document states the prior item', () => {
    const withItems = modelOf(
      variant((raw) => {
        raw['priorYear'] = { threePublicActual: '17.50', vehicle: '14', reception: '3.50' };
      }),
    );
    const threePublic = text(section(withItems, 'three-public'));
    // 12.40 − 14 = −1.60; 3.60 − 3.50 = 0.10.
    expect(threePublic).toContain(
      '占77.50%（其中公务用车购置费0.00万元，公务用车运行维护费12.40万元），较上年减少1.60万元',
    );
    expect(threePublic).toContain('公务接待费支出3.60万元，占22.50%，较上年增加0.10万元');
    expect(threePublic).not.toContain('因公出国（境）费支出0.00万元，占0.00%，较上年');
  });

  it('prints the management ratios with their formulas in the document’s own figures', () => {
    const management = section(model, 'management');
    expect(text(management)).toBe(
      '2021年度预算完成率94.39%，预算调整率2.63%，结转结余率1.03%，公用经费控制率93.64%，政府采购执行率94.20%，在职人员控制率94.29%。',
    );
    expect(tables(management)[0]?.rows[0]).toEqual([
      '预算完成率',
      '本年支出合计1160.10万元 ÷ 可用预算1229.00万元（年初结转和结余、年初预算与本年追加之和）',
      '94.39%',
    ]);
  });

  it('lists a wrong stated figure in 数据核对提示 and prints the computed one', () => {
    const wrong = modelOf(
      variant((raw) => {
        (raw['declared'] as Record<string, unknown>)['incomeGrandTotal'] = '1200';
      }),
    );
    expect(text(section(wrong, 'totals'))).toContain('收入总计1172.80万元');
    expect(wrong.annexes.map((a) => a.heading)).toEqual(['附：数据核对提示']);
  });

  it('prints nothing the document does not state', () => {
    const sparse = modelOf(
      variant((raw) => {
        delete raw['basicExpenditure'];
        delete raw['priorYear'];
        delete raw['management'];
        delete raw['declared'];
        delete raw['projects'];
        raw['department'] = { name: '某县文化旅游广电局' };
      }),
    );
    expect(sparse.sections.map((s) => s.heading)).toEqual(['一、收入支出决算总体情况', '二、收入决算情况']);
    const all = allText(sparse);
    expect(all).not.toMatch(/三公|支出合计|与上年相比|预算完成率|(?<![\d.])0(\.00)?万元/);
    expect(all).toContain('收入总计1172.80万元');
  });

  it('prints no 年末结转和结余 or 结转结余率 when a part of it is not stated (unknown, not zero)', () => {
    const partial = modelOf(
      variant((raw) => {
        delete (raw['basicExpenditure'] as Record<string, unknown>)['carriedForward'];
        delete raw['declared'];
      }),
    );
    expect(allText(partial)).not.toMatch(/年末结转和结余|结转结余率/);
    expect(allText(model)).toContain('年末结转和结余12.70万元');
  });

  it('checks no stated 年末结转和结余 or 结转结余率 against a sum with an unstated part (the domain says unavailable)', () => {
    // The stated figures stay: before, 12.70 was compared with the projects' 8.50 (the basic part counted as 0).
    const partial = variant((raw) => {
      delete (raw['basicExpenditure'] as Record<string, unknown>)['carriedForward'];
    });
    const pack = packForDataset(partial.rulePack);
    if (pack === null) throw new Error('unknown pack');
    const { figures, findings } = selfEvaluate(partial, pack);
    for (const key of ['yearEndBalance', 'carriedForwardTotal', 'carryForwardRate'] as const)
      expect(figures.unavailable.has(key)).toBe(true);
    expect(figures.unavailable.has('projectYearEndBalance')).toBe(false); // every project states its own
    // Said to be unchecked (info), never a mismatch against an invented zero.
    const about = findings.filter((f) => /yearEndBalance|carryForwardRate/.test(f.path.join('.')));
    expect(about.map((f) => [f.code, f.severity, f.path.join('.')])).toEqual([
      ['FIGURE_NOT_CHECKABLE', 'info', 'declared.yearEndBalance'],
      ['FIGURE_NOT_CHECKABLE', 'info', 'declared.carryForwardRate'],
    ]);
    expect(allText(modelOf(partial))).not.toMatch(/年末结转和结余|结转结余率/);
    const whole = selfEvaluate(example, pack);
    expect(whole.figures.unavailable.has('yearEndBalance')).toBe(false);
  });

  it('leaves the share out of a sentence when there is none (no 占—)', () => {
    const none = modelOf(
      variant((raw) => {
        const basic = raw['basicExpenditure'] as { threePublic: Record<string, { actual?: string }> };
        for (const item of Object.values(basic.threePublic)) if (typeof item === 'object') item.actual = '0';
        delete raw['declared'];
      }),
    );
    expect(allText(none)).not.toContain('占—');
  });
});
