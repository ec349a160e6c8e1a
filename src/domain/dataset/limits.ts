/**
 * 文字与列表上限: the largest dataset Jixiao accepts. Each limit is far above any real department's report (the seed's
 * longest paragraph is 535 characters, its longest list 23 indicators) and low enough that checking, scoring and
 * rendering one dataset stays bounded in time and memory. Lengths count UTF-16 code units, which is one per Chinese
 * character (an emoji or a rare character outside the BMP counts two).
 */
export const TEXT_LIMITS = {
  /** A name, label, heading, kind or unit: one line of a table or a heading. */
  name: 200,
  /** A note, reason, evidence, duty or target: a few sentences, printed in a table cell or under a table. */
  note: 2_000,
  /** One paragraph of the report's prose. */
  paragraph: 5_000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/** The most items of each list. */
export const LIST_LIMITS = {
  /** Paragraphs of one part of the prose (概述, 资金管理情况, 存在的问题 …). */
  paragraphs: 200,
  /** 主要职责, 内设机构, 预算单位, annual targets. */
  departmentItems: 500,
  /** 编制类型, 收入来源. */
  kinds: 100,
  /** Budget adjustments, of the department or of one project. */
  adjustments: 500,
  /** Expenditure detail lines (basic or project). */
  lines: 2_000,
  projects: 2_000,
  /** 支付进度: one point per month at most. */
  paymentPoints: 12,
  indicators: 5_000,
  /** 绩效情况 headed parts, and the sub-parts of one. */
  sections: 200,
  problemReviews: 5_000,
} as const;

export type ListKind = keyof typeof LIST_LIMITS;

/** Amounts, percentages, quantities and points written as text: longer than this is no number Jixiao can hold. */
export const NUMBER_TEXT_LIMIT = 50;

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Whether the UTF-16 unit at `index` is a character no text may contain: a C0 control other than tab, line feed and
 * carriage return (NUL cannot be stored in PostgreSQL text; XML, hence DOCX, forbids the others), DEL or a C1
 * control (invisible, unprintable), a lone surrogate (not Unicode: it cannot be encoded as UTF-8), U+FFFE or U+FFFF.
 */
function isForbiddenAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  if (isHigh(code)) return !isLow(text.charCodeAt(index + 1));
  if (isLow(code)) return !isHigh(text.charCodeAt(index - 1));
  return code === 0xfffe || code === 0xffff;
}

/** The first forbidden character of `text` (see isForbiddenAt) with its index, or null. */
export function forbiddenCharacter(text: string): { index: number; codePoint: number } | null {
  for (let index = 0; index < text.length; index++)
    if (isForbiddenAt(text, index)) return { index, codePoint: text.charCodeAt(index) };
  return null;
}

/** U+0000 style, as the message names a character that cannot be shown. */
export const codePointName = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** At most `max` characters of `input` for a message, so that an error never echoes a huge input whole. */
export function excerpt(input: unknown, max = 40): string {
  const text = String(input);
  if (text.length <= max) return text;
  const end = isHigh(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…（共 ${text.length} 个字符）`;
}
