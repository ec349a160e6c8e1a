import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SCOPE, ECONOMIC_SCOPE } from './budget-index.js';
import { CodeTable } from './code-table.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const lookUp = (table: CodeTable, scope: number, text: string) => table.get(scope, bytes(text), 0, text.length);

describe('code table', () => {
  const table = new CodeTable();
  table.set(ECONOMIC_SCOPE, '30101', 0);
  table.set(ECONOMIC_SCOPE, '301', 1);
  table.set(ECONOMIC_SCOPE, '3010101', 2);
  table.set(ECONOMIC_SCOPE, '302A', 3);
  table.set(DEPARTMENT_SCOPE, '30101', 7);

  it('finds each code in its scope, spaces around it ignored', () => {
    expect(lookUp(table, ECONOMIC_SCOPE, '30101')).toBe(0);
    expect(lookUp(table, ECONOMIC_SCOPE, ' 301 ')).toBe(1);
    expect(lookUp(table, ECONOMIC_SCOPE, '3010101')).toBe(2);
    expect(lookUp(table, ECONOMIC_SCOPE, '302A')).toBe(3);
    expect(lookUp(table, DEPARTMENT_SCOPE, '30101')).toBe(7);
  });

  it('tells codes with leading zeros, unknown and empty codes apart', () => {
    expect(lookUp(table, ECONOMIC_SCOPE, '0301')).toBe(-1);
    expect(lookUp(table, ECONOMIC_SCOPE, '30102')).toBe(-1);
    expect(lookUp(table, ECONOMIC_SCOPE, '99999')).toBe(-1);
    expect(lookUp(table, ECONOMIC_SCOPE, '')).toBe(-1);
    expect(lookUp(table, DEPARTMENT_SCOPE, '301')).toBe(-1);
  });

  it('keeps its codes in a worker thread', () => {
    const copy = CodeTable.fromSnapshot(structuredClone(table.snapshot()));
    expect(lookUp(copy, ECONOMIC_SCOPE, '301')).toBe(1);
    expect(lookUp(copy, ECONOMIC_SCOPE, '302A')).toBe(3);
  });
});
