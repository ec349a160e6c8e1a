import type { CellValue } from 'exceljs';
import { numberToDecimalText } from '../../domain/money/index.js';

/** How a column's cells are read and written. Amounts and percentages never pass through float arithmetic. */
export type CellKind = 'text' | 'amount' | 'percent' | 'quantity' | 'int' | 'bool' | 'date' | 'code';

export const YES = '是';
export const NO = '否';

/** The plain value behind a cell: formula results, rich text and hyperlinks reduced to what is shown. */
export function plainCellValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  return null;
}

export type CellRead = { ok: true; value: unknown } | { ok: false; message: string };

const isErrorValue = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;

/**
 * Why a cell cannot be trusted as input: an error value (#REF!, #DIV/0!) or a formula whose result was never
 * calculated (written by a program, not saved by Excel). Reading either as blank would silently drop a number.
 */
export function cellProblem(value: CellValue): string | null {
  if (isErrorValue(value)) return `单元格为错误值 ${value.error}`;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  if (!('formula' in value) && !('sharedFormula' in value)) return null;
  const result = (value as { result?: unknown }).result;
  if (result === undefined || result === null) return '公式没有计算结果，请在 Excel 中重新计算并保存';
  return isErrorValue(result) ? `公式结果为 ${result.error}` : null;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A cell as raw dataset input (undefined when blank). A numeric amount cell is turned into its shortest
 * decimal text (String(number)), exact for up to 15 significant digits, and then parsed as text by the schema.
 */
export function readCell(value: CellValue, kind: CellKind): CellRead {
  const problem = cellProblem(value);
  if (problem !== null) return { ok: false, message: problem };
  const plain = plainCellValue(value);
  if (plain === null || (typeof plain === 'string' && plain.trim() === '')) return { ok: true, value: undefined };
  switch (kind) {
    case 'text':
    case 'code':
    case 'quantity':
      return { ok: true, value: plain instanceof Date ? isoDate(plain) : String(plain) };
    case 'amount':
    case 'percent':
      return {
        ok: true,
        value: typeof plain === 'number' ? (numberToDecimalText(plain) ?? String(plain)) : String(plain),
      };
    case 'int':
      if (typeof plain === 'string' && /^\s*\d+\s*$/.test(plain)) return { ok: true, value: Number(plain) };
      return typeof plain === 'number'
        ? { ok: true, value: plain }
        : { ok: false, message: `不是有效整数：${String(plain)}` };
    case 'bool':
      if (plain === YES || plain === true) return { ok: true, value: true };
      if (plain === NO || plain === false) return { ok: true, value: false };
      return { ok: false, message: `应填“${YES}”或“${NO}”：${String(plain)}` };
    case 'date':
      return { ok: true, value: plain instanceof Date ? isoDate(plain) : String(plain).trim() };
  }
}

/** A raw value as message or cell text (objects as JSON, never "[object Object]"). */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Significant digits of a decimal text: a double holds 15 of them exactly. */
function fitsDouble(text: string): boolean {
  return text.replace(/^[+-]/, '').replace('.', '').replace(/^0+/, '').length <= 15;
}

/** A document value as a cell: exact decimal text becomes a number when a double holds it exactly, else stays text. */
export function writeCell(value: unknown, kind: CellKind): CellValue {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'amount':
    case 'percent':
      return typeof value === 'string' && fitsDouble(value) ? Number(value) : shown(value);
    case 'int':
      return value as number;
    case 'bool':
      return value === true ? YES : NO;
    case 'text':
    case 'code':
    case 'quantity':
    case 'date':
      return shown(value);
  }
}

/** Display formats: amounts show 2 to 6 decimals (万元 carry 6 exactly), percentages 2. */
export const NUMBER_FORMATS: Readonly<Partial<Record<CellKind, string>>> = {
  amount: '#,##0.00####',
  percent: '0.00',
  int: '0',
  text: '@',
  code: '@',
  quantity: '@',
  date: '@',
};
