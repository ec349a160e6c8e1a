import { shown } from './cells.js';
import type { Workbook } from 'exceljs';
import type { NarrativeSection } from '../../domain/dataset/narrative.js';
import type { FieldPath } from '../../domain/findings/finding.js';
import { NARRATIVE, NARRATIVE_PARTS, REVIEW_DECISIONS } from './layout.js';
import { readTable, remember, setPath, type ReadContext, type TableRow } from './read-table.js';

type Doc = Record<string, unknown>;
type Row = { part: string; heading?: string; subheading?: string; paragraph?: string };
const ACHIEVEMENTS = 'narrative.achievements';
/** 年度总体目标: the target in the heading column, what was achieved in the paragraph column. */
const TARGETS = 'selfEvaluation.annualTargets';
/** 问题审阅: problem key in the heading column, decision in the subheading column, edited text as the paragraph. */
const REVIEWS = 'narrative.problemReviews';

const pathOf = (dotted: string): FieldPath => dotted.split('.');

function getAt(doc: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], doc);
}

function achievementRows(label: string, sections: readonly NarrativeSection[]): Row[] {
  return sections.flatMap((s) => {
    if (s.subsections?.some((sub) => sub.subsections !== undefined && sub.subsections.length > 0)) {
      throw new RangeError('文字部分“绩效情况”超过两级标题，无法导出为 Excel');
    }
    const own = s.paragraphs.map((p): Row => ({ part: label, heading: s.heading, paragraph: p }));
    const subs = (s.subsections ?? []).flatMap((sub) =>
      sub.paragraphs.length === 0
        ? [{ part: label, heading: s.heading, subheading: sub.heading }]
        : sub.paragraphs.map((p): Row => ({ part: label, heading: s.heading, subheading: sub.heading, paragraph: p })),
    );
    return own.length + subs.length === 0 ? [{ part: label, heading: s.heading }] : [...own, ...subs];
  });
}

/** The rows of 文字部分 for a document: one paragraph a row; 绩效情况 rows carry their headings. */
export function narrativeRows(doc: Doc): Row[] {
  return NARRATIVE_PARTS.flatMap(([label, dotted]) => {
    const value = getAt(doc, pathOf(dotted));
    if (!Array.isArray(value)) return [];
    if (dotted === ACHIEVEMENTS) return achievementRows(label, value as NarrativeSection[]);
    if (dotted === REVIEWS) {
      return (value as { key: string; decision: string; text?: string }[]).map((r): Row => ({
        part: label,
        heading: r.key,
        subheading: REVIEW_DECISIONS.find(([, d]) => d === r.decision)?.[0] ?? r.decision,
        ...(r.text === undefined ? {} : { paragraph: r.text }),
      }));
    }
    if (dotted === TARGETS) {
      return (value as { target: string; actual: string }[]).map((t): Row => ({
        part: label,
        heading: t.target,
        paragraph: t.actual,
      }));
    }
    return (value as string[]).map((p): Row => ({ part: label, paragraph: p }));
  });
}

function readAchievement(row: TableRow, sections: NarrativeSection[], ctx: ReadContext): void {
  const heading = row.get('heading');
  if (typeof heading !== 'string') {
    ctx.problems.push({ cell: row.where('heading').cell, code: 'HEADING_MISSING', message: '“绩效情况”须填一级标题' });
    return;
  }
  let section = sections.at(-1);
  if (section?.heading !== heading) {
    section = { heading, paragraphs: [] };
    sections.push(section);
    remember(ctx, ['narrative', 'achievements', sections.length - 1], row.where('heading'));
  }
  const sub = row.get('subheading');
  const paragraph = row.get('paragraph');
  if (typeof sub !== 'string') {
    if (typeof paragraph === 'string') section.paragraphs.push(paragraph);
    return;
  }
  section.subsections ??= [];
  let subsection = section.subsections.at(-1);
  if (subsection?.heading !== sub) {
    subsection = { heading: sub, paragraphs: [] };
    section.subsections.push(subsection);
  }
  if (typeof paragraph === 'string') subsection.paragraphs.push(paragraph);
}

/** A 年度总体目标 or 问题审阅 row: one object from the heading, subheading and paragraph columns. */
function readRecord(row: TableRow, doc: Doc, ctx: ReadContext, dotted: typeof TARGETS | typeof REVIEWS): void {
  const path = pathOf(dotted);
  const list = (getAt(doc, path) as unknown[] | undefined) ?? [];
  const keys =
    dotted === TARGETS
      ? { heading: 'target', paragraph: 'actual' }
      : { heading: 'key', subheading: 'decision', paragraph: 'text' };
  remember(ctx, [...path, list.length], row.where('part'));
  const record: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(keys)) {
    remember(ctx, [...path, list.length, field], row.where(column));
    const value = row.get(column);
    record[field] = field === 'decision' ? (REVIEW_DECISIONS.find(([label]) => label === value)?.[1] ?? value) : value;
  }
  setPath(doc, path, [...list, Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))]);
}

/** Reads 文字部分: each row adds a paragraph to its part (an empty cell is an empty paragraph, except in 绩效情况). */
export function readNarrativeSheet(book: Workbook, ctx: ReadContext, doc: Doc): void {
  setPath(doc, ['narrative'], {});
  const sections: NarrativeSection[] = [];
  for (const row of readTable(book.getWorksheet(NARRATIVE.name), NARRATIVE, ctx)) {
    const part = NARRATIVE_PARTS.find(([label]) => label === row.get('part'));
    if (part === undefined) {
      const message = `部分应为 ${NARRATIVE_PARTS.map(([l]) => l).join('、')} 之一：${shown(row.get('part') ?? '（空）')}`;
      ctx.problems.push({ cell: row.where('part').cell, code: 'CELL_INVALID', message });
      continue;
    }
    if (part[1] === ACHIEVEMENTS) {
      readAchievement(row, sections, ctx);
      continue;
    }
    if (part[1] === TARGETS || part[1] === REVIEWS) {
      readRecord(row, doc, ctx, part[1]);
      continue;
    }
    const path = pathOf(part[1]);
    const list = (getAt(doc, path) as string[] | undefined) ?? [];
    remember(ctx, [...path, list.length], row.where('paragraph'));
    if (list.length === 0) remember(ctx, path, row.where('part'));
    setPath(doc, path, [...list, (row.get('paragraph') as string | undefined) ?? '']);
  }
  if (sections.length > 0) setPath(doc, pathOf(ACHIEVEMENTS), sections);
  for (const [label, dotted] of NARRATIVE_PARTS) {
    if (!ctx.where.has(`$.${dotted}`)) remember(ctx, pathOf(dotted), { cell: NARRATIVE.name, label });
  }
  // budgetScope is required as a whole: when it is missing, point at the part that lists its units.
  remember(
    ctx,
    ['department', 'budgetScope'],
    ctx.where.get('$.department.budgetScope.units') ?? { cell: NARRATIVE.name, label: '纳入预算范围的单位' },
  );
}
