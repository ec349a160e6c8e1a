import { BudgetIndexBuilder, BudgetLineColumns, type BudgetIndex } from './budget-index.js';

/** Column positions of the budgets' header (-1 for an optional column that is absent). */
export type BudgetColumns = {
  部门编码: number;
  项目编码: number;
  经济分类编码: number;
  年初预算: number;
  调整数: number;
  项目名称: number;
  部门名称: number;
};

const COMMA = 0x2c;
/** Bytes of a short budget line (codes and two amounts); longer ones only leave part of the columns unused. */
const SHORT_LINE = 24;
const isCodeByte = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;

/** `-?digits[.d[d]]` (at most 13 integer digits, so fen stay exact in a double) as fen, or null. */
function plainFen(bytes: Uint8Array, start: number, end: number): number | null {
  let i = start;
  const negative = bytes[i] === 0x2d;
  if (negative) i++;
  const first = i;
  let fen = 0;
  while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) fen = fen * 10 + bytes[i++]! - 0x30;
  if (i === first || i - first > 13) return null;
  let decimals = 0;
  if (i < end) {
    if (bytes[i++] !== 0x2e) return null;
    while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39 && decimals < 2) {
      fen = fen * 10 + bytes[i++]! - 0x30;
      decimals++;
    }
    if (i !== end || decimals === 0) return null;
  }
  fen *= decimals === 2 ? 1 : decimals === 1 ? 10 : 100;
  return negative ? -fen : fen;
}

/** Whether bytes[start, end) is a code: 1–40 of `0-9 A-Z a-z - _` (empty allowed when optional). */
function isCode(bytes: Uint8Array, start: number, end: number, optional: boolean): boolean {
  if (end === start) return optional;
  if (end - start > 40) return false;
  for (let i = start; i < end; i++) if (!isCodeByte(bytes[i]!)) return false;
  return true;
}

const sameBytes = (bytes: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number) => {
  if (end - start !== otherEnd - otherStart) return false;
  for (let i = 0; i < end - start; i++) if (bytes[start + i] !== bytes[otherStart + i]) return false;
  return true;
};

/**
 * The budgets of a clean file read straight from its UTF-8 bytes (nearly every file: no quotes, codes and plain
 * amounts as the rules want them, no repeated line): codes go to ids as they come and each line's ids, amounts and
 * where its names are go to typed arrays, so no string or object is made per line (the lines are made only if the
 * store asks for them). Null as soon as anything is unusual; the caller then reads the file through strings, which
 * reports every problem with its line.
 */
export function cleanBudgets(
  bytes: Uint8Array,
  from: number,
  columns: BudgetColumns,
  count: number,
): BudgetIndex | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const builder = new BudgetIndexBuilder();
  const lines = new BudgetLineColumns(Math.ceil((bytes.length - from) / SHORT_LINE));
  // Lines come grouped by department: a department's code is looked up once per run of its lines.
  let departmentStart = 0;
  let departmentEnd = -1;
  let departmentId = -1;
  const field = (at: number) => (at === -1 ? 0 : starts[at]!);
  const fieldEnd = (at: number) => (at === -1 ? 0 : ends[at]!);
  for (let start = from; start < bytes.length;) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const next = end + 1;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    if (end === start) {
      start = next;
      continue;
    }
    let n = 0;
    let fieldStart = start;
    for (let i = start; i <= end; i++) {
      const c = i === end ? COMMA : bytes[i]!;
      if (c === 0x22) return null;
      if (c !== COMMA) continue;
      if (n === count) return null;
      starts[n] = fieldStart;
      ends[n++] = i;
      fieldStart = i + 1;
    }
    if (n !== count) return null;
    const department = columns.部门编码;
    const project = columns.项目编码;
    const economic = columns.经济分类编码;
    if (!isCode(bytes, starts[department]!, ends[department]!, false)) return null;
    if (!isCode(bytes, starts[project]!, ends[project]!, true)) return null;
    if (!isCode(bytes, starts[economic]!, ends[economic]!, false)) return null;
    const yearStartFen = plainFen(bytes, starts[columns.年初预算]!, ends[columns.年初预算]!);
    const adjusting = columns.调整数;
    const adjustmentsFen =
      starts[adjusting] === ends[adjusting] ? 0 : plainFen(bytes, starts[adjusting]!, ends[adjusting]!);
    if (yearStartFen === null || adjustmentsFen === null) return null;
    if (!sameBytes(bytes, starts[department]!, ends[department]!, departmentStart, departmentEnd)) {
      departmentStart = starts[department]!;
      departmentEnd = ends[department]!;
      departmentId = builder.department(bytes, departmentStart, departmentEnd);
    }
    const pair = builder.pair(departmentId, bytes, starts[project]!, ends[project]!);
    const economicId = builder.economic(bytes, starts[economic]!, ends[economic]!);
    const { 项目名称: projectName, 部门名称: departmentName } = columns;
    // prettier-ignore
    lines.add(
      pair, economicId, yearStartFen, adjustmentsFen,
      field(projectName), fieldEnd(projectName), field(departmentName), fieldEnd(departmentName),
    );
    start = next;
  }
  if (lines.hasRepeat(builder.pairs.length, builder.economicCodes.length)) return null;
  const index = builder.index(() => lines.lines(index, bytes), lines.count);
  return index;
}
