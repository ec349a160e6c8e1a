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

/**
 * 四、存在的问题及原因分析: the drafted problems passed in (those the user kept), numbered "1、…", followed by the
 * user's own paragraphs from the dataset; without drafted problems, the dataset's paragraphs alone, as written.
 */
export function problemsSection(dataset: Dataset, problems: readonly ReportProblem[] | undefined): ReportSection {
  const own = paragraphs(dataset.narrative.problems);
  const drafted = (problems ?? []).map((p) => p.text.trim()).filter((t) => t !== '');
  const numbered = drafted.map((text, i): Block => ({
    kind: 'paragraph',
    text: `${i + 1}、${text.replace(/^\d+、/, '')}`,
  }));
  const blocks = [...numbered, ...own];
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
