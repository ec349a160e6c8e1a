// Source: payment progress and overall execution as reports state them: "第一季度项目支付序时进度只有4.6%",
// "截至6月末累计支付进度30.02%", "整个项目预算执行率不高（81.57%）".
import type { FigureSink } from './figure-sink.js';
import { clausesOf, percentsIn, smallNumber } from './numbers.js';
import type { FigureSource } from './source.js';

const QUARTER = /第?([一二三四1-4])季度/u;
const MONTH = /(\d{1,2}|[一二三四五六七八九十]{1,3})月(末|底|份)?/u;

/** 支付进度 points (cumulative % at a quarter's or month's end), and the project execution rate stated in prose. */
export function progressFigures(
  sink: FigureSink,
  text: string,
  base: Omit<FigureSource, 'quote'>,
  inProject: boolean,
): void {
  for (const clause of clausesOf(text)) {
    const percent = percentsIn(clause.text)[0];
    if (percent === undefined) continue;
    const source = { ...base, quote: clause.text };
    const progress = /(支付|付款|拨付)[^%％]{0,8}进度|序时进度/u;
    // "第二季度末为55%" continues a sentence about payment progress: the period and the rate are in the clause.
    if (
      progress.test(clause.text) ||
      (progress.test(text) && monthOf(clause.text) !== null && !/执行率/u.test(clause.text))
    ) {
      const month = monthOf(clause.text);
      if (month === null) continue;
      if (sink.has(['paymentProgress', 'points', month - 1])) continue;
      sink.put(['paymentProgress', 'scope'], '支付进度口径', /项目|专项/u.test(text) ? 'project' : 'total', source);
      sink.put(['paymentProgress', 'points', month - 1, 'month'], '支付进度月份', String(month), source);
      sink.percent(
        ['paymentProgress', 'points', month - 1, 'cumulativePercent'],
        `${month}月末累计支付进度`,
        percent.text,
        source,
      );
    } else if (
      !inProject &&
      /(整个|全部|整体)?项目(预算)?(资金)?(支出)?执行率/u.test(clause.text.slice(0, percent.at))
    ) {
      sink.percent(['declared', 'projectExecutionRate'], '项目预算执行率', percent.text, source);
    } else if (/(部门|整体)(预算)?(支出)?执行率/u.test(clause.text.slice(0, percent.at))) {
      sink.skip('部门预算执行率', `${percent.text}%`, '未说明按年初预算还是全年预算计算，未核对', source);
    }
  }
}

function monthOf(text: string): number | null {
  const quarter = QUARTER.exec(text)?.[1];
  if (quarter !== undefined) {
    const q = smallNumber(quarter);
    return q === null || q < 1 || q > 4 ? null : q * 3;
  }
  const month = MONTH.exec(text.replace(/\d{1,2}\s*[-—至~]\s*(?=\d{1,2}月)/u, ''))?.[1];
  const m = month === undefined ? null : smallNumber(month);
  return m === null || m < 1 || m > 12 ? null : m;
}
