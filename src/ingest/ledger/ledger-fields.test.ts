import { describe, expect, it } from 'vitest';
import { dateText, parseDateBytes, parseYuanBytes } from './ledger-fields.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const yuan = (text: string) => parseYuanBytes(bytes(text), 0, text.length);

describe('parseYuanBytes', () => {
  it.each([
    ['0', 0],
    ['0.01', 1],
    ['12.3', 1230],
    ['58200.00', 5_820_000],
    ['-0.5', -50],
    ['999999999999.99', 99_999_999_999_999],
  ])('reads %s 元 as %i fen', (text, fen) => expect(yuan(text)).toBe(fen));

  it.each(['', '-', '.5', '1.', '1.234', '1e3', '+1', '1,000', ' 1', '1 ', '1000000000000.00', '１'])(
    'refuses %j',
    (text) => expect(yuan(text)).toBeNull(),
  );
});

describe('parseDateBytes', () => {
  it.each([
    ['2020-01-01', 2020_001],
    ['2020/03/01', 2020_061],
    ['2021-03-01', 2021_060],
    ['2020-12-31', 2020_366],
    ['2020-02-29', 2020_060],
  ])('reads %s as year and day %i', (text, value) => expect(parseDateBytes(bytes(text), 0, 10)).toBe(value));

  it.each(['2021-02-29', '2020-13-01', '2020-00-10', '2020-04-31', '2020-1-01', '2020-01/01', '20200101xx'])(
    'refuses %s',
    (text) => expect(parseDateBytes(bytes(text), 0, text.length)).toBe(-1),
  );

  it('writes a day of the year back as a date', () => {
    expect(dateText(2020, 60)).toBe('2020-02-29');
    expect(dateText(2021, 365)).toBe('2021-12-31');
  });
});
