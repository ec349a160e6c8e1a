import type { Dataset } from '../../domain/dataset/schema.js';
import type { NarrativeSection } from '../../domain/dataset/narrative.js';
import type { ReportProblem } from './extensions.js';
import { headingNumber } from './format.js';
import type { Block, ReportSection, ReportTable } from './types.js';

/** Printed where the user has not yet written a section, so a draft never silently omits one. */
export const NOT_YET_WRITTEN = '（本部分尚未填写。）';

const paragraphs = (texts: readonly string[]): Block[] =>
  texts.filter((t) => t.trim() !== '').map((text): Block => ({ kind: 'paragraph', text }));

const orPlaceholder = (blocks: Block[]): Block[] =>
  blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: NOT_YET_WRITTEN }];

function narrativeBlocks(sections: readonly NarrativeSection[]): Block[] {
  return sections.flatMap((section, i): Block[] => [
    { kind: 'heading', level: 2, text: `${headingNumber(i + 1)}${section.heading}` },
    ...paragraphs(section.paragraphs),
    ...(section.subsections ?? []).flatMap((sub, j): Block[] => [
      { kind: 'heading', level: 3, text: `${j + 1}、${sub.heading}` },
      ...paragraphs(sub.paragraphs),
    ]),
  ]);
}

/** 绩效指标完成情况 table, when the dataset lists indicators. */
function indicatorsTable(dataset: Dataset): ReportTable | null {
  if (dataset.indicators.length === 0) return null;
  return {
    caption: '绩效指标完成情况',
    header: ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值'],
    rows: dataset.indicators.map((i) => {
      const unit = i.unit ?? '';
      const target = i.target === undefined ? (i.targetText ?? '') : `${i.direction}${i.target}${unit}`;
      const actual = i.actual === undefined ? (i.achievement ?? '') : `${i.actual}${unit}`;
      return [i.level1, i.level2, i.name, target, actual];
    }),
    numericColumns: [],
    widths: [1, 1, 3, 1.5, 1.5],
  };
}

/**
 * 三、部门整体支出绩效情况: the user's narrative of what the money achieved, and the indicator values — or, when the
 * 自评表 annex prints the indicators (`indicatorsAnnex`, its heading), a pointer to it, so they are printed once.
 */
export function performanceSection(dataset: Dataset, indicatorsAnnex?: string): ReportSection {
  const table = indicatorsTable(dataset);
  const indicators: Block[] =
    table === null
      ? []
      : indicatorsAnnex === undefined
        ? [{ kind: 'table', table }]
        : [{ kind: 'paragraph', text: `各项绩效指标完成情况详见${indicatorsAnnex}。` }];
  const blocks = [
    ...paragraphs(dataset.narrative.achievementsIntro),
    ...narrativeBlocks(dataset.narrative.achievements),
    ...indicators,
  ];
  return { id: 'performance', heading: '三、部门整体支出绩效情况', blocks: orPlaceholder(blocks) };
}

/** Splits a paragraph at its own numbering "1、… 2、… 3、…" (in sequence): the lead before "1、" and the items. */
function splitNumbered(text: string): { lead: string; items: string[] } {
  const starts: number[] = [];
  let from = 0;
  for (let n = 1; ; n += 1) {
    const match = new RegExp(`(?<!\\d)${n}、`).exec(text.slice(from));
    if (match === null) break;
    starts.push(from + match.index);
    from += match.index + match[0].length;
  }
  if (starts.length === 0) return { lead: text, items: [] };
  const items = starts.map((start, i) =>
    text
      .slice(start, starts[i + 1])
      .replace(/^\d+、/, '')
      .trim(),
  );
  return { lead: text.slice(0, starts[0]).trim(), items: items.filter((t) => t !== '') };
}

/** The percentages a text states ("4.6%", "84.87%"): a drafted problem stating one the department's item states repeats it. */
const percentages = (text: string): string[] => [...text.matchAll(/\d+(?:\.\d+)?%/g)].map((m) => m[0]);

/**
 * 四、存在的问题及原因分析: the department's own paragraphs and the drafted problems the user kept, numbered once in
 * one list. Each drafted problem already there (the same text, or a percentage one of the department's items
 * states) is left out; when none remains, the department's paragraphs print as written. Otherwise they are split
 * at their own numbering ("1、… 2、…"): the department's items first, then the drafted ones, numbered on; what
 * precedes the list leads it, unnumbered paragraphs after it follow it.
 */
export function problemsSection(dataset: Dataset, problems: readonly ReportProblem[] | undefined): ReportSection {
  const own = dataset.narrative.problems.map((t) => t.trim()).filter((t) => t !== '');
  const lead: string[] = [];
  const items: string[] = [];
  const tail: string[] = [];
  for (const paragraph of own) {
    const split = splitNumbered(paragraph);
    if (split.lead !== '') (items.length === 0 ? lead : tail).push(split.lead);
    items.push(...split.items);
  }
  const added: string[] = [];
  for (const problem of problems ?? []) {
    const text = problem.text.trim().replace(/^\d+、/, '');
    const stated = percentages(text);
    const repeated = [...items, ...added].some(
      (item) => item.includes(text) || stated.some((p) => percentages(item).includes(p)),
    );
    if (text !== '' && !repeated) added.push(text);
  }
  const texts =
    added.length === 0 ? own : [...lead, ...[...items, ...added].map((text, i) => `${i + 1}、${text}`), ...tail];
  const blocks = texts.map((text): Block => ({ kind: 'paragraph', text }));
  return { id: 'problems', heading: '四、存在的问题及原因分析', blocks: orPlaceholder(blocks) };
}

/** 五、六、七: measures, use and publication of the result, anything else. */
export function closingSections(dataset: Dataset): ReportSection[] {
  const n = dataset.narrative;
  const other = paragraphs(n.other);
  return [
    { id: 'measures', heading: '五、下一步改进措施', blocks: orPlaceholder(paragraphs(n.measures)) },
    { id: 'results-use', heading: '六、绩效自评结果拟应用和公开情况', blocks: orPlaceholder(paragraphs(n.resultsUse)) },
    {
      id: 'other',
      heading: '七、其他需要说明的情况',
      blocks: other.length > 0 ? other : [{ kind: 'paragraph', text: '无其他需要说明的情况。' }],
    },
  ];
}
