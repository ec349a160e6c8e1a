// Source: 一、部门（单位）基本情况 as reports word it: "X是区政府工作部门，为正科级", numbered 主要职责, "纳入2020年部门预算
// 范围只有…本级", "内设办公室、…四个职能科室和政务服务中心一个二级机构", "总编制数13人，其中行政编制5人，事业编制8人".
import type { FigureSink } from './figure-sink.js';
import { clausesOf, smallNumber } from './numbers.js';
import type { FigureSource } from './source.js';

type Base = Omit<FigureSource, 'quote'>;

/** The department's full name from the cover lines: a short line ending in an organ's name, else from the title. */
export function departmentName(lines: readonly string[]): string | null {
  const organ = /^[\u4e00-\u9fa5（）()]{4,40}(局|委员会|委|办公室|办|中心|厅|院|馆|站|所|部|处|会|队|校|政府)$/u;
  const plain = lines.find((line) => organ.test(line) && !/\d|年度|报告|自评/u.test(line));
  if (plain !== undefined) return plain;
  const title = lines.join('');
  const m = /(?:\d{4}年度?)?(.{2,40}?)(?:部门)?(?:整体)?(?:支出)?(?:预算)?绩效自评/u.exec(title);
  return m?.[1] === undefined ? null : m[1].replace(/部门$/u, '');
}

export function fiscalYearIn(text: string): number | null {
  const m = /(20\d{2})\s*年度?/u.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

const COUNT_FIELDS: readonly (readonly [RegExp, string, string])[] = [
  [/在职(在编)?[^，。；\d]{0,8}?(\d+)\s*(人|名)/u, 'inPost', '在职在编人数'],
  [/人才引进[^，。；\d]{0,4}(\d+)\s*(人|名)/u, 'recruitedTalent', '人才引进人数'],
  [/雇员[^，。；\d]{0,4}(\d+)\s*(人|名)/u, 'hiredStaff', '雇员人数'],
  [/劳务派遣[^，。；\d]{0,6}(\d+)\s*(人|名)/u, 'dispatchedWorkers', '劳务派遣人数'],
  [/退休[^，。；\d]{0,6}(\d+)\s*(人|名)/u, 'retirees', '退休人数'],
];

/** 人员情况: posts by kind, people in post and the other counts; "总编制数" is checked against the posts' sum. */
export function staffingFigures(sink: FigureSink, text: string, base: Base): void {
  let posts = 0;
  let stated: { count: number; quote: string } | null = null;
  for (const clause of clausesOf(text)) {
    const source = { ...base, quote: clause.text };
    const post = /([\u4e00-\u9fa5]{2,4}?)编制(数)?(为|有)?(\d+)\s*(人|名|个)/u.exec(clause.text);
    const total = /(总|核定)?编制(总)?数?(为|共)?(\d+)\s*(人|名|个)/u.exec(clause.text);
    if (post !== null && /行政|事业|工勤|参公|参照|机关|后勤/u.test(post[1] ?? '')) {
      const kind = `${(post[1] ?? '').replace(/^(其中|核定)/u, '')}编制`;
      sink.put(['department', 'staffing', 'authorizedPosts', posts, 'kind'], '编制类型', kind, source);
      sink.put(['department', 'staffing', 'authorizedPosts', posts, 'count'], `${kind}数`, post[4] ?? '0', source);
      posts += 1;
    } else if (total !== null) stated = { count: Number(total[4]), quote: clause.text };
    for (const [pattern, field, label] of COUNT_FIELDS) {
      const m = pattern.exec(clause.text);
      const count = m?.[m.length - 2];
      if (count !== undefined) sink.put(['department', 'staffing', field], label, count, source);
    }
  }
  if (stated !== null && posts === 0) {
    sink.put(['department', 'staffing', 'authorizedPosts', 0, 'kind'], '编制类型', '编制', {
      ...base,
      quote: stated.quote,
    });
    sink.put(['department', 'staffing', 'authorizedPosts', 0, 'count'], '编制数', String(stated.count), {
      ...base,
      quote: stated.quote,
    });
  } else if (stated !== null) {
    const sum = Array.from({ length: posts }, (_, i) =>
      Number(sink.value(['department', 'staffing', 'authorizedPosts', i, 'count']) ?? 0),
    ).reduce((a, b) => a + b, 0);
    if (sum !== stated.count)
      sink.findings.push({
        severity: 'error',
        code: 'STAFFING_SUM_MISMATCH',
        message: `总编制数：报告所述 ${stated.count} 人，各类编制之和为 ${sum} 人，相差 ${Math.abs(sum - stated.count)} 人。`,
        path: ['department', 'staffing', 'authorizedPosts'],
        figures: {
          declared: String(stated.count),
          computed: String(sum),
          difference: String(Math.abs(sum - stated.count)),
        },
      });
  }
}

/** 内设机构: "内设A、B、C四个职能科室和D一个二级机构" → units with their kind. */
export function internalUnitFigures(sink: FigureSink, text: string, base: Base): void {
  const m = /内设(机构)?(有|包括)?([^。；]+)/u.exec(text);
  if (m === null) return;
  let index = 0;
  for (const part of (m[3] ?? '').split(/和|及|以及|，/u)) {
    const group = /^(.+?)(等)?([一二三四五六七八九十\d]{1,3})个(.{2,8})$/u.exec(part.trim());
    if (group === null) continue;
    const names = (group[1] ?? '')
      .split('、')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const count = smallNumber(group[3] ?? '');
    if (count !== names.length) continue;
    for (const name of names) {
      sink.put(['department', 'internalUnits', index, 'name'], '内设机构', name, { ...base, quote: part });
      sink.put(['department', 'internalUnits', index, 'kind'], '机构类别', group[4] ?? '', { ...base, quote: part });
      index += 1;
    }
  }
}
