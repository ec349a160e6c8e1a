import { NUMBERING, type SectionKey } from './sections.js';

type Part = { heading: string; paragraphs: string[]; subsections?: Part[] };

/** A short numbered line without a full stop: a sub-heading of 三 ("（一）谋改革发展之策", "1、对标对表抓重点"). */
function subHeading(text: string): { level: 1 | 2; text: string } | null {
  if (text.length > 40 || /[。；]$/u.test(text) || !NUMBERING.test(text)) return null;
  const bare = text.replace(NUMBERING, '').trim();
  if (bare === '') return null;
  return { level: /^\s*(?:[（(]|[一二三四五六七八九十]+\s*[、.．])/u.test(text) ? 1 : 2, text: bare.slice(0, 200) };
}

/** The prose of the report by section, as the dataset's `narrative` holds it. */
export class NarrativeCollector {
  readonly budgetOverview: string[] = [];
  readonly projectOverview: string[] = [];
  readonly fundManagement: string[] = [];
  readonly achievementsIntro: string[] = [];
  readonly achievements: Part[] = [];
  readonly problems: string[] = [];
  readonly measures: string[] = [];
  readonly resultsUse: string[] = [];
  readonly other: string[] = [];

  add(section: SectionKey, text: string): void {
    const paragraph = text.slice(0, 5000);
    switch (section) {
      case 'budget':
        if (!/\d/u.test(paragraph)) this.budgetOverview.push(paragraph);
        break;
      case 'budgetProject':
        if (/管理|制度|办法/u.test(paragraph) && !/\d+(\.\d+)?\s*万?元/u.test(paragraph))
          this.fundManagement.push(paragraph);
        break;
      case 'fundManagement':
        this.fundManagement.push(paragraph);
        break;
      case 'performance':
        this.performance(paragraph);
        break;
      case 'problems':
      case 'measures':
      case 'resultsUse':
      case 'other':
        this[section].push(paragraph);
        break;
      case 'cover':
      case 'basics':
      case 'budgetBasic':
      case 'annex':
        break;
    }
  }

  private performance(text: string): void {
    const heading = subHeading(text);
    const top = this.achievements.at(-1);
    if (heading?.level === 1 || (heading !== null && top === undefined))
      this.achievements.push({ heading: heading.text, paragraphs: [], subsections: [] });
    else if (heading !== null && top !== undefined) top.subsections?.push({ heading: heading.text, paragraphs: [] });
    else if (top === undefined) this.achievementsIntro.push(text);
    else (top.subsections?.at(-1) ?? top).paragraphs.push(text);
  }

  toNarrative(): Record<string, unknown> {
    const achievements = this.achievements.map((part) => ({
      heading: part.heading,
      paragraphs: part.paragraphs,
      ...(part.subsections !== undefined && part.subsections.length > 0 ? { subsections: part.subsections } : {}),
    }));
    if (achievements.length === 0 && this.achievementsIntro.length > 0)
      achievements.push({ heading: '部门整体支出绩效情况', paragraphs: this.achievementsIntro.splice(0) });
    return {
      budgetOverview: this.budgetOverview,
      projectOverview: this.projectOverview,
      fundManagement: this.fundManagement,
      achievementsIntro: this.achievementsIntro,
      achievements,
      problems: this.problems,
      measures: this.measures,
      resultsUse: this.resultsUse,
      other: this.other,
    };
  }
}
