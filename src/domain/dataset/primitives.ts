import { z } from 'zod';
import { EXACT_DECIMALS, formatPercent, parseAmount, parsePercent, type Fen, type MoneyUnit } from '../money/index.js';
import {
  codePointName,
  excerpt,
  forbiddenCharacter,
  LIST_LIMITS,
  NUMBER_TEXT_LIMIT,
  TEXT_LIMITS,
  type ListKind,
  type TextKind,
} from './limits.js';

/**
 * A text of one kind (name, note, paragraph): at most its limit (TEXT_TOO_LONG), and no character that a database
 * cannot store or a report cannot print (TEXT_CONTROL_CHARACTER), each a finding at the text's path.
 */
export function textSchema(kind: TextKind) {
  const max = TEXT_LIMITS[kind];
  return z
    .string()
    .max(max, { error: (issue) => `文字过长：${String((issue.input as string).length)} 个字符，最多 ${max} 个字符` })
    .superRefine((text, ctx) => {
      const found = forbiddenCharacter(text);
      if (found === null) return;
      ctx.addIssue({
        code: 'custom',
        message: `第 ${found.index + 1} 个字符是无法保存或打印的控制字符 ${codePointName(found.codePoint)}，请删除`,
        params: { code: 'TEXT_CONTROL_CHARACTER' },
      });
    });
}

/** A list of at most its limit of items (LIST_LIMITS; LIST_TOO_LONG at the list's path). */
export function listSchema<T extends z.ZodType>(item: T, kind: ListKind) {
  const max = LIST_LIMITS[kind];
  return z
    .array(item)
    .max(max, { error: (issue) => `列表过长：${String((issue.input as unknown[]).length)} 项，最多 ${max} 项` });
}

/** A number written as text longer than NUMBER_TEXT_LIMIT: no number Jixiao holds, and not to be parsed. */
const overlongNumber = (input: string | number): boolean =>
  typeof input === 'string' && input.length > NUMBER_TEXT_LIMIT;

/**
 * The largest amount a dataset may hold: 10^15 元 (1 千万亿元) in fen. Far above any budget, and far enough below
 * the signed 64-bit range of the database columns that sums of thousands of lines still fit.
 */
export const MAX_AMOUNT_FEN = 10n ** 17n;

/** An amount in the dataset's unit, written as a decimal string or number; becomes exact Fen. */
export function amountSchema(unit: MoneyUnit) {
  return z
    .union([z.string(), z.number()])
    .transform((input, ctx): Fen => {
      const parsed = overlongNumber(input) ? ({ ok: false, error: 'NOT_A_NUMBER' } as const) : parseAmount(input, unit);
      if (parsed.ok && (parsed.fen > MAX_AMOUNT_FEN || parsed.fen < -MAX_AMOUNT_FEN)) {
        ctx.addIssue({
          code: 'custom',
          message: `金额过大：${excerpt(input)}${unit}（绝对值不得超过 1 千万亿元）`,
          params: { code: 'AMOUNT_TOO_LARGE' },
        });
        return z.NEVER;
      }
      if (parsed.ok) return parsed.fen;
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.error === 'TOO_MANY_DECIMALS'
            ? `不是有效金额：${excerpt(input)}（${unit}最多 ${EXACT_DECIMALS[unit]} 位小数）`
            : typeof input === 'number' && Number.isFinite(input)
              ? `不是有效金额：${excerpt(input)}（数字位数过多或为科学计数法，无法精确读取，请写成带引号的字符串）`
              : `不是有效金额：${excerpt(input)}`,
        params: { code: parsed.error === 'TOO_MANY_DECIMALS' ? 'AMOUNT_TOO_MANY_DECIMALS' : 'AMOUNT_INVALID' },
      });
      return z.NEVER;
    })
    .meta({ description: '金额，按数据集的金额单位书写（如 596.04）' });
}

/** A stated percentage ("64.11", 95.2, "64.11%"); kept as its canonical 2-decimal text. */
export const percentTextSchema = z
  .union([z.string(), z.number()])
  .transform((input, ctx): string => {
    const parsed = overlongNumber(input) ? null : parsePercent(input);
    if (parsed?.ok === true) return formatPercent(parsed.percent);
    ctx.addIssue({
      code: 'custom',
      message: `不是有效百分比：${excerpt(input)}（最多 2 位小数）`,
      params: { code: 'PERCENT_INVALID' },
    });
    return z.NEVER;
  })
  .meta({ description: '百分比数值，不含 % 亦可（如 64.11）' });

/** A non-money quantity (work orders, 户, %), kept as decimal text so nothing passes through a float. */
export const quantityTextSchema = z
  .union([z.string(), z.number()])
  .transform((input, ctx): string => {
    const text = typeof input === 'number' ? String(input) : input.trim().replace(/[,，]/g, '');
    if (!overlongNumber(input) && /^[+-]?(\d{1,15}(\.\d{0,6})?|\.\d{1,6})$/.test(text)) return text;
    ctx.addIssue({
      code: 'custom',
      message: `不是有效数值：${excerpt(input)}（最多 15 位整数、6 位小数）`,
      params: { code: 'QUANTITY_INVALID' },
    });
    return z.NEVER;
  })
  .meta({ description: '数值（非金额），如 63475 或 97.5' });

/** Points (分值 / 得分): non-negative, at most 2 decimals, kept as decimal text. */
export const pointsTextSchema = z
  .union([z.string(), z.number()])
  .transform((input, ctx): string => {
    const text = typeof input === 'number' ? String(input) : input.trim();
    if (!overlongNumber(input) && /^(\d+(\.\d{0,2})?|\.\d{1,2})$/.test(text)) return text;
    ctx.addIssue({
      code: 'custom',
      message: `不是有效分值：${excerpt(input)}（应为非负数，最多 2 位小数）`,
      params: { code: 'POINTS_INVALID' },
    });
    return z.NEVER;
  })
  .meta({ description: '分值（非负，最多 2 位小数），如 5 或 2.5' });

export const countSchema = z.int().nonnegative().meta({ description: '人数/个数（非负整数）' });

/** ISO date (YYYY-MM-DD). */
export const dateSchema = z.iso.date().meta({ description: '日期，YYYY-MM-DD' });

/** 段落列表: the prose of one part of the report, one paragraph per item. */
export const paragraphsSchema = listSchema(textSchema('paragraph'), 'paragraphs').meta({
  description: '段落列表，每项一段',
});
