import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import { formatPath, type Finding } from '../findings/finding.js';
import { nationalPack } from '../scoring/packs/builtin-packs.js';
import { selfEvaluate } from '../self-evaluation-table/self-evaluate.js';
import { DocumentBuilder, type ReportDocument } from './document.js';
import { extractReport, type ReportExtraction } from './extract-report.js';

/** Lines as paragraphs; `|a|b|` lines as table rows (the readers are tested on their own). */
function documentOf(text: string): ReportDocument {
  const builder = new DocumentBuilder('text');
  let rows: string[][] = [];
  for (const line of [...text.trim().split('\n'), '']) {
    if (line.trim().startsWith('|'))
      rows.push(
        line
          .trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    else {
      if (rows.length > 0) builder.table(rows);
      rows = [];
      builder.paragraph(line);
    }
  }
  return builder.build();
}

/** A consistent report in the seed's phrasing: every stated total, share and rate agrees with its parts. */
const CONSISTENT = `
2021年度某县示范局部门整体支出绩效自评报告
某县示范局
一、部门基本情况
某县示范局是县政府工作部门，为正科级。主要职责是：
1、负责示范工作。
2、负责其他工作。
纳入2021年部门预算范围的只有某县示范局本级。
内设办公室、业务股两个职能股室。总编制数10人，其中行政编制6人，事业编制4人。在职在编人员9人，退休人员2人。
二、部门整体预算支出情况
2021年度年初预算为550万元，实际预算收入560万元，均为财政拨款收入。其中基本支出拨款收入300万元，占53.57%；项目支出拨款收入260万元，占46.43%。支出决算数为530万元，其中基本支出决算数300万元，占56.60%；项目支出决算数230万元，占43.40%。年末结余30万元。
（一）基本支出情况
年初预算数为300万元，实际支出数为300万元；其中人员经费250万元，占83.33%，日常公用经费50万元，占16.67%。
其中“三公”经费支出情况：公务接待费预算数1万元，决算数0.8万元；公务用车运行维护费预算数2万元，决算数1.5万元；因公出国（境）费预算数0万元，决算数0万元。
|明细支出内容|金额（单位：万元）|
|基本工资|200|
|津贴补贴|50|
|办公费|30|
|差旅费|20|
|合计|300|
（二）项目支出情况
年初预算数为250万元，实际收入数为260万元，实际支出数为230万元，年末结余30万元。
1、示范项目经费年初预算150万元，实际支出140万元，执行率为93.33%，剩余10万元上缴财政，年末无结余。
2、宣传项目经费年初预算100万元，实际支出90万元，执行率为90%，结转结余10万元。
3、新增项目经费为本年度追加的专项，追加金额为20万元，因年末才下达指标，未支付结余至2022年。
|明细支出内容|金额（单位：万元）|
|办公费|100|
|印刷费|30|
|其他商品和服务支出|100|
|合计|230|
截至第一季度末项目累计支付进度为30%，第二季度末为55%，第三季度末累计支付进度为80%。
三、部门整体支出绩效情况
全年办理示范事项1200件，群众满意度98%。
四、存在的问题及原因分析
个别项目支付进度偏慢。
五、下一步改进措施
加强预算执行管理。
六、绩效自评结果拟应用和公开情况
自评结果按要求公开。
七、无其他需要说明的情况
`;

function checked(extraction: ReportExtraction): Finding[] {
  const parsed = parseDataset(extraction.draft);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return [...extraction.findings, ...selfEvaluate(parsed.dataset, nationalPack()).findings];
}

const valueAt = (x: ReportExtraction, path: string) => x.figures.find((f) => formatPath(f.path) === path)?.value;
const errors = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === 'error' && f.code !== 'LEVEL_WEIGHTS_MISMATCH');

describe('extractReport', () => {
  const consistent = extractReport(documentOf(CONSISTENT));

  it('reads the year from the title', () => {
    expect(consistent.draft['fiscalYear']).toBe(2021);
  });

  it('finds the seven sections and the sub-parts of 二 by their headings and variants', () => {
    expect(consistent.sections.map((s) => s.key)).toEqual([
      'basics',
      'budget',
      'budgetBasic',
      'budgetProject',
      'performance',
      'problems',
      'measures',
      'resultsUse',
      'other',
    ]);
    expect(consistent.kind).toBe('report');
  });

  it.each([
    ['$.declared.yearStartBudgetTotal', '550'],
    ['$.declared.incomeTotal', '560'],
    ['$.income.sources[0].basic', '300'],
    ['$.declared.incomeProjectShare', '46.43'],
    ['$.declared.expenditureTotal', '530'],
    ['$.declared.expenditureBasicShare', '56.60'],
    ['$.basicExpenditure.actual', '300'],
    ['$.declared.personnel', '250'],
    ['$.declared.publicUseShare', '16.67'],
    ['$.basicExpenditure.threePublic.reception.actual', '0.8'],
    ['$.basicExpenditure.threePublic.vehicleOperation.budget', '2'],
    ['$.basicExpenditure.lines[3].code', '30211'],
    ['$.declared.basicLinesTotal', '300'],
    ['$.projects[2].supplementaryAppropriations[0].amount', '20'],
    ['$.projects[2].yearStartBudget', '0'],
    ['$.projects[2].carriedForward', '20'],
    ['$.projects[1].carriedForward', '10'],
    ['$.projects[0].returnedToTreasury', '10'],
    ['$.projects[0].declared.executionRate', '93.33'],
    ['$.paymentProgress.points[1].cumulativePercent', '55'],
    ['$.department.staffing.authorizedPosts[1].count', '4'],
    ['$.department.staffing.retirees', '2'],
  ])('reads %s as %s', (path, value) => {
    expect(valueAt(consistent, path)).toBe(value);
  });

  it('keeps each figure’s source: section, paragraph or table cell, and the quoted words', () => {
    const total = consistent.figures.find((f) => formatPath(f.path) === '$.declared.basicLinesTotal');
    expect(total?.source).toMatchObject({
      section: '二、（一）基本支出情况',
      table: 1,
      row: 6,
      column: 2,
      quote: '合计 300',
    });
    const income = consistent.figures.find((f) => formatPath(f.path) === '$.declared.incomeTotal');
    expect(income?.source).toMatchObject({ section: '二、部门整体预算支出情况', quote: '实际预算收入560万元' });
  });

  it('invents nothing: a consistent report gives no error finding', () => {
    expect(errors(checked(consistent))).toEqual([]);
  });

  it('lists indicator values stated in prose as unplaced, never drops them', () => {
    expect(consistent.unplaced.map((u) => u.value)).toEqual(expect.arrayContaining(['1200件', '98%']));
  });

  it('finds each kind of slip as an error: a table total, a mistyped rate, a share, a figure stated twice', () => {
    const slipped = CONSISTENT.replace('|合计|300|', '|合计|310|')
      .replace('执行率为93.33%', '执行率为95.33%')
      .replace('占56.60%', '占65.60%')
      .replace('实际支出数为300万元', '实际支出数为301万元');
    const findings = checked(extractReport(documentOf(slipped)));
    const codes = errors(findings).map((f) => `${f.code} ${formatPath(f.path)}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'TOTAL_MISMATCH $.declared.basicLinesTotal',
        'RATE_MISMATCH $.projects[0].declared.executionRate',
        'STATED_TWICE $.basicExpenditure.actual',
      ]),
    );
    expect(codes.some((c) => c.includes('expenditureBasicShare'))).toBe(true);
  });

  it('checks an item/amount table it cannot place (no economic codes) on its own, row sum against 合计', () => {
    const text = CONSISTENT.replace('|基本工资|200|', '|某某专项补助|200|').replace('|合计|300|', '|合计|300.10|');
    const x = extractReport(documentOf(text));
    expect(x.findings.find((f) => f.code === 'TABLE_TOTAL_MISMATCH')).toMatchObject({ severity: 'error' });
    expect(x.unplaced.some((u) => u.label === '某某专项补助')).toBe(true);
  });

  it('reads amounts in 元 exactly into a 元 dataset', () => {
    const x = extractReport(
      documentOf('二、部门整体预算支出情况\n2021年度年初预算为1,234,567.89元，实际预算收入1,234,567.80元。\n'),
    );
    expect(x.unit).toBe('元');
    expect(valueAt(x, '$.declared.yearStartBudgetTotal')).toBe('1234567.89');
  });

  it('reads a 项目支出绩效自评表 into forms[] and names the document kind after it', () => {
    const form = `
2021年度项目支出绩效自评表
|项目名称|乡村学校少年宫建设|乡村学校少年宫建设|乡村学校少年宫建设|乡村学校少年宫建设|乡村学校少年宫建设|乡村学校少年宫建设|
|项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|得分|
|年度资金总额|200|180|171.3|20|95.17%|19.03|
|其中：财政资金|200|180|171.3| |95.17%| |
|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|
|产出|数量|新建少年宫|≥8个|8个|40|40|
|效益|社会|参与活动学生人次|≥5000人次|6200人次|30|30|
|总分|总分|总分|总分|总分|100|99.03|
`;
    const x = extractReport(documentOf(form));
    expect(x.kind).toBe('projectForm');
    expect(valueAt(x, '$.forms[0].name')).toBe('乡村学校少年宫建设');
    expect(valueAt(x, '$.forms[0].funds.declaredTotal.actual')).toBe('171.3');
    expect(valueAt(x, '$.forms[0].funds.rows[0].source')).toBe('财政资金');
    expect(valueAt(x, '$.forms[0].indicators[1].actual')).toBe('6200人次');
    expect(valueAt(x, '$.forms[0].declaredTotal')).toBe('99.03');
    expect(parseDataset(x.draft).ok).toBe(true);
  });
});
