import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievementOf } from './achievement.js';
import { parsePrintedValue, type PrintedValue } from './parse-printed-value.js';

const q = (direction: '≥' | '≤' | '=' | null, value: string, unit: string, strict = false): PrintedValue => ({
  kind: 'quantity',
  direction,
  strict,
  value,
  unit,
});

describe('parsePrintedValue', () => {
  it.each<[string, PrintedValue]>([
    ['100%', q(null, '100', '%')],
    ['≥95%', q('≥', '95', '%')],
    ['≤30万元', q('≤', '30', '万元')],
    ['＞90%', q('≥', '90', '%', true)],
    ['> 90 ％', q('≥', '90', '%', true)],
    ['150万元', q(null, '150', '万元')],
    ['1,200户', q(null, '1200', '户')],
    ['30天内', q('≤', '30', '天')],
    ['≤30天', q('≤', '30', '天')],
    ['不低于98%', q('≥', '98', '%')],
    ['控制在50万元以内', q('≤', '50', '万元')],
    ['95%以上', q('≥', '95', '%')],
    ['=100%', q('=', '100', '%')],
    ['＝０', q('=', '0', '')],
    ['12.50元/人', q(null, '12.50', '元/人')],
    ['0.5', q(null, '0.5', '')],
    ['-3%', q(null, '-3', '%')],
  ])('reads %s as a quantity', (text, expected) => {
    expect(parsePrintedValue(text)).toEqual(expected);
  });

  it.each(['完成', '通过', '好', '是', '达标', '基本完成', '有效提升', '90%-100%', '第1季度完成', ''])(
    'keeps %s as qualitative text',
    (text) => {
      expect(parsePrintedValue(text)).toEqual({ kind: 'qualitative', text });
    },
  );

  it('never throws and gives an exact decimal text for every quantity', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const value = parsePrintedValue(text);
        if (value.kind === 'quantity') expect(value.value).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any number it is given, with any direction and unit', () => {
    const arb = fc.tuple(
      fc.constantFrom('', '≥', '≤', '＞', '不超过', '='),
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.nat({ max: 4 }),
      fc.constantFrom('', '%', '万元', '户', '天', '个'),
    );
    fc.assert(
      fc.property(arb, ([prefix, units, decimals, unit]) => {
        const digits = units.toString().padStart(decimals + 1, '0');
        const number = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
        const value = parsePrintedValue(`${prefix}${number}${unit}`);
        expect(value.kind).toBe('quantity');
        if (value.kind === 'quantity') {
          expect(value.unit).toBe(unit);
          expect(BigInt(value.value.replace('.', ''))).toBe(units);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('achievementOf', () => {
  it.each([
    ['完成', '达成'],
    ['已完成', '达成'],
    ['通过', '达成'],
    ['达标', '达成'],
    ['是', '达成'],
    ['好', '达成'],
    ['满意', '达成'],
    ['基本完成', '部分达成'],
    ['部分完成', '部分达成'],
    ['较好', '部分达成'],
    ['基本达标', '部分达成'],
    ['未完成', '未达成'],
    ['否', '未达成'],
    ['不通过', '未达成'],
    ['未达标', '未达成'],
  ])('%s → %s', (text, expected) => {
    expect(achievementOf(text)).toBe(expected);
  });

  it('counts an actual printed as its target as achieved', () => {
    expect(achievementOf('群众出行条件明显改善', '群众出行条件明显改善')).toBe('达成');
  });

  it('gives null for words it cannot place', () => {
    expect(achievementOf('见附件')).toBeNull();
    expect(achievementOf('')).toBeNull();
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (a, t) => void achievementOf(a, t)));
  });
});
