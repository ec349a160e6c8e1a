import type { FieldPath } from '../findings/finding.js';

/** 出处: where in the report a figure was read — section, paragraph or table cell, page — and the words quoted. */
export type FigureSource = {
  section: string;
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
  sheet?: string;
  page?: number;
  quote: string;
};

/** 识别出的数字: a figure placed in the draft dataset at `path`, as written in the dataset's unit. */
export type ExtractedFigure = { path: FieldPath; label: string; value: string; source: FigureSource };

/** 未归位: something the report states that the draft has no place for; listed, never dropped. */
export type UnplacedFigure = { label: string; value: string; reason: string; source: FigureSource };

/** "第21段", "表2 第18行第2列", "（第3页）": a source's place in Chinese. */
export function placeText(source: FigureSource): string {
  const parts: string[] = [source.section];
  if (source.table !== undefined) {
    const sheet = source.sheet === undefined ? '' : `工作表“${source.sheet}” `;
    const cell =
      source.row === undefined ? '' : ` 第${source.row}行${source.column === undefined ? '' : `第${source.column}列`}`;
    parts.push(`${sheet}表${source.table}${cell}`);
  } else if (source.paragraph !== undefined) parts.push(`第${source.paragraph}段`);
  if (source.page !== undefined) parts.push(`第${source.page}页`);
  return parts.join(' ');
}
