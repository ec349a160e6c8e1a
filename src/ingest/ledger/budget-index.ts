import type { Fen } from '../../domain/money/index.js';
import type { BudgetLine } from '../../domain/ledger/ledger-records.js';
import { CodeTable } from './code-table.js';

/**
 * The codes a ledger line may use, mapped to small integer ids: departments, (department, project) pairs — each
 * department has a basic-expenditure pair for project code '' — and economic codes. `lines` are the budget lines
 * themselves, made only when asked for (the store asks; the reader never does).
 */
export type BudgetIndex = {
  readonly lines: BudgetLine[];
  departmentCodes: string[];
  pairs: BudgetPair[];
  economicCodes: string[];
  /** The same ids looked up from bytes: scope 0 departments, 1 economic codes, 2 + department id its projects. */
  codes: CodeTable;
  /** How many budget lines (the sums are sized for about as many cells). */
  lineCount: number;
};

export type BudgetPair = { departmentId: number; projectCode: string };

export const DEPARTMENT_SCOPE = 0;
export const ECONOMIC_SCOPE = 1;
export const projectScope = (departmentId: number) => 2 + departmentId;

const NO_BYTES = new Uint8Array(0);

/**
 * Gives ids to a budgets file's codes as it is read, straight from its bytes: a string is made for each new code
 * only, not for each line, so 50,000 lines leave about 12,000 strings and no object per line.
 */
export class BudgetIndexBuilder {
  readonly departmentCodes: string[] = [];
  readonly pairs: BudgetPair[] = [];
  readonly economicCodes: string[] = [];
  readonly codes = new CodeTable();

  /** The id of department code bytes[start, end), added when new (with its basic-expenditure pair). */
  department(bytes: Uint8Array, start: number, end: number): number {
    const known = this.codes.get(DEPARTMENT_SCOPE, bytes, start, end);
    if (known !== -1) return known;
    const id = this.departmentCodes.push(latin1(bytes, start, end)) - 1;
    this.codes.add(DEPARTMENT_SCOPE, bytes, start, end, id);
    this.pair(id, NO_BYTES, 0, 0);
    return id;
  }

  /** The pair id of a department's project code bytes[start, end) ('' = basic expenditure), added when new. */
  pair(departmentId: number, bytes: Uint8Array, start: number, end: number): number {
    const scope = projectScope(departmentId);
    const known = this.codes.get(scope, bytes, start, end);
    if (known !== -1) return known;
    const id = this.pairs.push({ departmentId, projectCode: latin1(bytes, start, end) }) - 1;
    this.codes.add(scope, bytes, start, end, id);
    return id;
  }

  economic(bytes: Uint8Array, start: number, end: number): number {
    const known = this.codes.get(ECONOMIC_SCOPE, bytes, start, end);
    if (known !== -1) return known;
    const id = this.economicCodes.push(latin1(bytes, start, end)) - 1;
    this.codes.add(ECONOMIC_SCOPE, bytes, start, end, id);
    return id;
  }

  /** The index, with its lines made by `lines` on first use. */
  index(lines: () => BudgetLine[], lineCount: number): BudgetIndex {
    const { departmentCodes, pairs, economicCodes, codes } = this;
    let made: BudgetLine[] | null = null;
    return {
      departmentCodes,
      pairs,
      economicCodes,
      codes,
      lineCount,
      get lines() {
        made ??= lines();
        return made;
      },
    };
  }
}

const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** An index over budget lines already checked (the budgets read through strings). */
export function indexBudgets(lines: BudgetLine[]): BudgetIndex {
  const builder = new BudgetIndexBuilder();
  for (const line of lines) {
    const code = (text: string) => Buffer.from(text, 'latin1');
    const department = code(line.departmentCode);
    const departmentId = builder.department(department, 0, department.length);
    const project = code(line.projectCode);
    builder.pair(departmentId, project, 0, project.length);
    const economic = code(line.economicCode);
    builder.economic(economic, 0, economic.length);
  }
  return builder.index(() => lines, lines.length);
}

/**
 * Budget lines kept as columns while a clean file is read: the pair and economic code ids, the two amounts in fen
 * (exact in a double: at most 13 integer digits) and where the two names are in the file's bytes.
 */
export class BudgetLineColumns {
  count = 0;
  private ids: Int32Array;
  private fens: Float64Array;
  private names: Int32Array;

  /**
   * Sized once for `expected` lines (an estimate on the high side costs nothing: pages never written are never
   * faulted in), instead of doubling from 1,024, which wrote every line up to three times into fresh memory.
   */
  constructor(expected = 1024) {
    const lines = Math.max(expected, 1024);
    this.ids = new Int32Array(2 * lines);
    this.fens = new Float64Array(2 * lines);
    this.names = new Int32Array(4 * lines);
  }

  // prettier-ignore
  add(
    pair: number, economic: number, yearStartFen: number, adjustmentsFen: number,
    projectName: number, projectNameEnd: number, departmentName: number, departmentNameEnd: number,
  ): void {
    if (this.count * 2 === this.ids.length) this.grow();
    const at = this.count++;
    this.ids[2 * at] = pair;
    this.ids[2 * at + 1] = economic;
    this.fens[2 * at] = yearStartFen;
    this.fens[2 * at + 1] = adjustmentsFen;
    this.names[4 * at] = projectName;
    this.names[4 * at + 1] = projectNameEnd;
    this.names[4 * at + 2] = departmentName;
    this.names[4 * at + 3] = departmentNameEnd;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    const fens = new Float64Array(this.fens.length * 2);
    fens.set(this.fens);
    this.fens = fens;
    const names = new Int32Array(this.names.length * 2);
    names.set(this.names);
    this.names = names;
  }

  /** Whether two lines have the same pair and economic code (a file with one is refused, and read again to say so). */
  hasRepeat(pairs: number, economicCodes: number): boolean {
    const keys = pairs * economicCodes;
    // A byte per possible key only while that is not much more than the lines themselves (else a set of the keys seen).
    const seen = keys <= 1 << 27 && keys <= 64 * this.count ? new Uint8Array(keys) : null;
    const large = new Set<number>();
    for (let at = 0; at < this.count; at++) {
      const key = this.ids[2 * at]! * economicCodes + this.ids[2 * at + 1]!;
      if (seen === null) {
        if (large.has(key)) return true;
        large.add(key);
      } else {
        if (seen[key] === 1) return true;
        seen[key] = 1;
      }
    }
    return false;
  }

  /** The lines as the store takes them; names decoded from `bytes` (UTF-8), spaces around them dropped. */
  lines(index: Omit<BudgetIndex, 'lines'>, bytes: Uint8Array): BudgetLine[] {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = (from: number, to: number) => (from === to ? '' : buffer.toString('utf8', from, to).trim());
    const lines = new Array<BudgetLine>(this.count);
    for (let at = 0; at < this.count; at++) {
      const pair = index.pairs[this.ids[2 * at]!]!;
      lines[at] = {
        departmentCode: index.departmentCodes[pair.departmentId]!,
        projectCode: pair.projectCode,
        economicCode: index.economicCodes[this.ids[2 * at + 1]!]!,
        yearStartBudget: BigInt(this.fens[2 * at]!) as Fen,
        adjustments: BigInt(this.fens[2 * at + 1]!) as Fen,
        projectName: name(this.names[4 * at]!, this.names[4 * at + 1]!),
        departmentName: name(this.names[4 * at + 2]!, this.names[4 * at + 3]!),
      };
    }
    return lines;
  }
}
