// Source: a project's sentence in 项目支出情况 (the seed's six): "1、…工作经费年初预算23.5万元，实际支出18.21万元，
// 执行率为77.49%，剩余5.29万元上缴财政，年末无结余。" and "6、…为本年度追加的专项费用，追加金额为88.91万元，…未支付结余至2021年。"
import type { FigureSink } from './figure-sink.js';
import { amountsIn, clausesOf, percentsIn } from './numbers.js';
import { NUMBERING } from './sections.js';
import type { FigureSource } from './source.js';

/** A numbered paragraph of 项目支出情况 that states a project's money. */
export function isProjectParagraph(text: string): boolean {
  return (
    /^\s*(\d{1,2}\s*(?:、|[.．](?!\d))|[（(][一二三四五六七八九十\d]{1,3}[）)])/u.test(text) &&
    /预算|支出|追加|拨付|下达/u.test(text) &&
    amountsIn(text).length > 0
  );
}

const NAME_END = /(为本年度|为本年|系本年度|本年度|年初预算|全年预算|预算(数|资金)?(为)?\d|追加|，|,|：|:)/u;

/** 项目名称: the words after the number up to the first money phrase. */
function projectName(text: string): string | null {
  const bare = text.replace(NUMBERING, '');
  const end = NAME_END.exec(bare);
  const name = (end === null ? bare : bare.slice(0, end.index)).replace(/[。；]$/u, '').trim();
  return name.length >= 2 && name.length <= 60 ? name : null;
}

type Kind = 'yearStartBudget' | 'supplementary' | 'actual' | 'returnedToTreasury' | 'carriedForward';

function kindOf(words: string): Kind | null {
  if (/上缴|收回/u.test(words)) return 'returnedToTreasury';
  if (/结转|结余/u.test(words)) return 'carriedForward';
  if (/追加|调增|新增预算/u.test(words)) return 'supplementary';
  if (/年初预算|预算(数|资金)?(为)?$/u.test(words)) return 'yearStartBudget';
  if (/(实际)?(支出|支付|使用|执行)(数|资金)?(为)?$|决算/u.test(words)) return 'actual';
  return null;
}

/** What the amount's own clause says it is; "剩余5.29万元上缴财政" names its kind after the amount. */
function kindAround(clause: string, at: number, end: number): Kind | null {
  return (
    kindOf(clause.slice(0, at)) ??
    (/^\s*(上缴|交回)/u.test(clause.slice(end))
      ? 'returnedToTreasury'
      : /^\s*(结转|结余)/u.test(clause.slice(end))
        ? 'carriedForward'
        : null)
  );
}

/** One project's figures; `index` is its place in `projects`. Returns false when it has no name. */
export function projectFigures(
  sink: FigureSink,
  index: number,
  text: string,
  base: Omit<FigureSource, 'quote'>,
): boolean {
  const name = projectName(text);
  if (name === null) return false;
  const path = (...rest: (string | number)[]) => ['projects', index, ...rest];
  sink.put(path('name'), '项目名称', name, { ...base, quote: text.slice(0, 80) });
  if (/本年度?新增(的)?(专项|项目)/u.test(text))
    sink.put(path('isNew'), '本年度新增专项', 'true', { ...base, quote: '本年度新增专项' });
  let supplements = 0;
  for (const clause of clausesOf(text)) {
    const source = { ...base, quote: clause.text };
    for (const amount of amountsIn(clause.text)) {
      const kind = kindAround(clause.text, amount.at, amount.end);
      if (kind === 'supplementary') {
        sink.amount(
          path('supplementaryAppropriations', supplements, 'amount'),
          `项目“${name}”追加预算`,
          amount.text,
          amount.unit,
          source,
        );
        supplements += 1;
      } else if (kind !== null)
        sink.amount(path(kind), `项目“${name}”${KIND_LABELS[kind]}`, amount.text, amount.unit, source);
    }
    const rate = percentsIn(clause.text)[0];
    if (rate !== undefined && /执行率|完成率/u.test(clause.text.slice(0, rate.at)))
      sink.percent(path('declared', 'executionRate'), `项目“${name}”执行率`, rate.text, source);
    if (/(年末)?无结余|无结转|全部(支出|使用)完毕/u.test(clause.text))
      sink.put(path('carriedForward'), `项目“${name}”结转结余`, '0', source);
  }
  impliedFigures(sink, name, text, path, base);
  const reason = clausesOf(text).find((c) => /^(因为|由于|因|原因是)/u.test(c.text) && amountsIn(c.text).length === 0);
  if (reason !== undefined) {
    const note = reason.text.replace(/^(因为|由于|原因是)/u, '').slice(0, 2000);
    sink.put(path('note'), `项目“${name}”说明`, text.replace(NUMBERING, '').slice(0, 2000), {
      ...base,
      quote: reason.text,
    });
    if (supplements > 0)
      sink.put(path('supplementaryAppropriations', 0, 'note'), `项目“${name}”追加原因`, note, {
        ...base,
        quote: reason.text,
      });
  }
  return true;
}

const KIND_LABELS: Readonly<Record<Kind, string>> = {
  yearStartBudget: '年初预算数',
  supplementary: '追加预算',
  actual: '实际支出数',
  returnedToTreasury: '上缴财政',
  carriedForward: '结转结余',
};

/**
 * What the sentence says in words, not digits: a project added during the year has no year-start budget; "未支付"
 * means nothing was spent; "(未支付)结余至下年" with nothing spent carries the whole budget forward. Each is quoted.
 */
function impliedFigures(
  sink: FigureSink,
  name: string,
  text: string,
  path: (...rest: (string | number)[]) => (string | number)[],
  base: Omit<FigureSource, 'quote'>,
): void {
  const quote = (pattern: RegExp) => ({ ...base, quote: pattern.exec(text)?.[0] ?? text.slice(0, 60) });
  const added = /本年度?追加的?(专项|项目)|年中追加/u;
  if (
    !sink.has(path('yearStartBudget')) &&
    added.test(text) &&
    sink.has(path('supplementaryAppropriations', 0, 'amount'))
  )
    sink.put(path('yearStartBudget'), `项目“${name}”年初预算数`, '0', quote(added));
  const unpaid = /未(支付|使用|支出|拨付)/u;
  if (!sink.has(path('actual')) && unpaid.test(text))
    sink.put(path('actual'), `项目“${name}”实际支出数`, '0', quote(unpaid));
  const carried = /结(余|转)至\s*\d{4}\s*年?/u;
  const start = sink.value(path('yearStartBudget'));
  const supplement = sink.value(path('supplementaryAppropriations', 0, 'amount'));
  if (
    !sink.has(path('carriedForward')) &&
    sink.value(path('actual')) === '0' &&
    carried.test(text) &&
    start === '0' &&
    supplement !== undefined &&
    !sink.has(path('supplementaryAppropriations', 1, 'amount')) &&
    !sink.has(path('returnedToTreasury'))
  )
    sink.put(path('carriedForward'), `项目“${name}”结转结余`, supplement, quote(carried));
}
