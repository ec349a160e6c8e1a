import type { ReportDocument } from './document.js';
import { EXACT_DECIMALS, formatScaled, parseAmount, parsePercent, type MoneyUnit } from '../money/index.js';

/** An amount as written: "901.68万元", "1,234.50元", "￥300元"; `at` and `end` are offsets in the text. */
export type AmountMention = { text: string; unit: MoneyUnit; at: number; end: number };

const AMOUNT = /(-?\d[\d,，]*(?:\.\d+)?)\s*(万元|元)/gu;
const PERCENT = /(-?\d+(?:\.\d+)?)\s*[%％]/gu;

export function amountsIn(text: string): AmountMention[] {
  return [...text.matchAll(AMOUNT)].flatMap((m) => {
    const number = (m[1] ?? '').replace(/[,，]/gu, '');
    // "12345”市民服务热线" is no amount; "3个雇员的标准" neither: only digits followed by 万元/元 are read.
    return [{ text: number, unit: m[2] === '元' ? '元' : '万元', at: m.index, end: m.index + m[0].length }];
  });
}

export type PercentMention = { text: string; at: number; end: number };

export function percentsIn(text: string): PercentMention[] {
  return [...text.matchAll(PERCENT)].map((m) => ({ text: m[1] ?? '', at: m.index, end: m.index + m[0].length }));
}

/**
 * An amount's text in the dataset's unit, exactly (元 → 万元 moves the point four places; never through a float).
 * Null when the text is no amount or cannot be held exactly in the target unit.
 */
export function amountInUnit(text: string, from: MoneyUnit, to: MoneyUnit): string | null {
  const parsed = parseAmount(text, from);
  if (!parsed.ok) return null;
  const exact = formatScaled(parsed.fen, EXACT_DECIMALS[to]);
  const trimmed = exact.includes('.') ? exact.replace(/0+$/u, '').replace(/\.$/u, '') : exact;
  return parseAmount(trimmed, to).ok ? trimmed : null;
}

/** A percentage's text as the dataset takes it ("64.11"), or null beyond 2 decimals. */
export function percentText(text: string): string | null {
  return parsePercent(text).ok ? text : null;
}

/**
 * Clauses of a sentence: split at ，；。！？ and at an ASCII comma or semicolon that is not inside a number
 * ("1,234.50" stays whole). Each clause keeps its offset.
 */
export function clausesOf(text: string): { text: string; at: number }[] {
  const clauses: { text: string; at: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const ascii = (c === ',' || c === ';') && !(/\d/u.test(text[i - 1] ?? '') && /\d/u.test(text[i + 1] ?? ''));
    if (
      i === text.length ||
      c === '，' ||
      c === '；' ||
      c === '。' ||
      c === '！' ||
      c === '？' ||
      c === '：' ||
      ascii
    ) {
      if (i > start) clauses.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  return clauses;
}

/** Chinese numerals up to 99 ("四", "十二") and digits to a number. */
export function smallNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  const digits = '零一二三四五六七八九';
  if (text.length === 1) return digits.includes(text) ? digits.indexOf(text) : text === '十' ? 10 : null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (m === null) return null;
  return (m[1] === undefined ? 1 : digits.indexOf(m[1])) * 10 + (m[2] === undefined ? 0 : digits.indexOf(m[2]));
}

/** The words used in every amount (万元 against 元) decide the dataset's unit; 万元 on a tie. */
export function unitOf(document: ReportDocument): MoneyUnit {
  let wan = 0;
  let yuan = 0;
  for (const block of document.blocks)
    for (const text of block.type === 'table' ? block.rows.flat().map((c) => c.text) : [block.text])
      for (const amount of amountsIn(text)) {
        if (amount.unit === '万元') wan += 1;
        else yuan += 1;
      }
  return yuan > wan ? '元' : '万元';
}
