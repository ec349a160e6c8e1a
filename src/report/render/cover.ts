import type { ReportModel } from '../model/types.js';

/** Made once: making a formatter (its time zone and locale data) costs about a millisecond, formatting with it little. */
let chinaDay: Intl.DateTimeFormat | undefined;

/** 成文日期 as official documents print it, in Arabic numerals: "2021年3月5日" (China time). */
export function coverDate(date: Date): string {
  chinaDay ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const parts = chinaDay.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** The cover's lines under the title: 报告单位, 所属年度, 报告日期 (the day the report was made). */
export function coverLines(model: ReportModel, date: Date): { label: string; value: string }[] {
  return [
    { label: '报告单位', value: model.department },
    { label: '所属年度', value: `${model.fiscalYear}年度` },
    { label: '报告日期', value: coverDate(date) },
  ];
}

/** Words a title may break before (回行时词意完整): where a report's or form's name begins. */
const TITLE_BREAKS = ['部门整体支出', '项目支出', '部门预算', '预算绩效', '绩效自评', '自评报告', '自评表', '决算说明'];

/** Characters of a title line, a half-width digit or letter counting half. */
const titleLength = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * A title too long for one line, cut into two lines at the start of a word (never inside one), as even as
 * possible: "2020年度雨花区行政审批服务局" / "部门整体支出预算绩效自评报告". A title that fits, or has no such
 * word, stays whole.
 */
export function titleLines(title: string, perLine: number): string[] {
  if (titleLength(title) <= perLine) return [title];
  let best: [string, string] | undefined;
  for (const word of TITLE_BREAKS) {
    for (let at = title.indexOf(word); at > 0; at = title.indexOf(word, at + 1)) {
      const cut: [string, string] = [title.slice(0, at), title.slice(at)];
      if (Math.max(...cut.map(titleLength)) > perLine) continue;
      const evenness = (c: [string, string]) => Math.abs(titleLength(c[0]) - titleLength(c[1]));
      if (best === undefined || evenness(cut) < evenness(best)) best = cut;
    }
  }
  return best ?? [title];
}

/** "附件1：部门整体支出绩效自评表" → 附件1 (printed top left) and the annex's title (centred); else no label. */
export function annexHeading(heading: string): { label?: string; title: string } {
  const match = /^(附件\d*)：(.+)$/.exec(heading);
  return match === null ? { title: heading } : { label: match[1] as string, title: match[2] as string };
}

/** A form document (项目 / 部门整体自评表) is its tables only: no cover, as the province prints it. */
export const isFormDocument = (model: ReportModel): boolean =>
  model.sections.every((s) => s.blocks.every((b) => b.kind === 'table'));
