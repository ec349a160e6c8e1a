import { describe, expect, it } from 'vitest';
import { printedText, sheetName, sheetValue, wrappedLines } from './xlsx-cells.js';

describe('sheetValue', () => {
  it.each([
    ['578.60', 578.6, '0.00'],
    ['96.43%', 0.9643, '0.00%'],
    ['100%', 1, '0%'],
    ['97.5%', 0.975, '0.0%'],
    ['10', 10, '0'],
    ['9.64', 9.64, '0.00'],
    ['-3.20', -3.2, '0.00'],
  ])('writes the figure %s as the number %s in %s, which shows the same text', (text, value, numFmt) => {
    expect(sheetValue(text)).toEqual({ value, numFmt });
    expect(printedText(value, numFmt)).toBe(text);
  });

  it.each(['≥95%', '578.6万元', '2020001', '007', '—', '', '优', '1,234.00', '有效保障'])(
    'keeps %j as text (a printed value, a code or a word)',
    (text) => {
      expect(sheetValue(text)).toEqual({ value: text });
    },
  );
});

describe('sheetName', () => {
  it('replaces characters Excel refuses and keeps 31 characters', () => {
    expect(sheetName('附件2：a/b[c]', new Set())).toBe('附件2：a b c');
    expect([...sheetName('农'.repeat(40), new Set())]).toHaveLength(31);
  });

  it('numbers a name already taken', () => {
    expect(sheetName('自评表', new Set(['自评表']))).toBe('自评表（2）');
    expect(sheetName('自评表', new Set(['自评表', '自评表（2）']))).toBe('自评表（3）');
  });
});

describe('wrappedLines', () => {
  it('counts a CJK character as two units and each line break as a new line', () => {
    expect(wrappedLines('项目名称', 9)).toBe(1);
    expect(wrappedLines('项目名称项目名称', 9)).toBe(2);
    expect(wrappedLines('a\nb', 9)).toBe(2);
  });
});
