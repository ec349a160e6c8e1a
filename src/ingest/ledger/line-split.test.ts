import { describe, expect, it } from 'vitest';
import { CODE_HASH_PRIME, CODE_HASH_SEED } from './code-table.js';
import { COLUMNS, isVoucher, splitLine, splitPlainLine } from './line-split.js';
import { seededRandom } from './generate-ledger.js';

const fnv = (bytes: Uint8Array, start: number, end: number) => {
  let h = CODE_HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, CODE_HASH_PRIME);
  return h;
};

describe('splitPlainLine', () => {
  it('splits a plain line as splitLine does, with the code fields’ hashes', () => {
    const bytes = Buffer.from('V2020000000001,2020-03-01,430100001,430100001P01,30101,12.50,长沙某科技有限公司\n');
    const end = bytes.length - 1;
    const [starts, ends, hashes] = [new Int32Array(8), new Int32Array(8), new Int32Array(COLUMNS)];
    expect(splitPlainLine(bytes, 0, end, starts, ends, hashes)).toBe(true);
    const [s2, e2] = [new Int32Array(8), new Int32Array(8)];
    expect(splitLine(bytes, 0, end, s2, e2)).toBe(COLUMNS);
    expect([...starts.subarray(0, COLUMNS)]).toEqual([...s2.subarray(0, COLUMNS)]);
    expect([...ends.subarray(0, COLUMNS)]).toEqual([...e2.subarray(0, COLUMNS)]);
    for (const field of [2, 3, 4]) expect(hashes[field]).toBe(fnv(bytes, starts[field]!, ends[field]!));
  });

  it('takes no line that the general split and checks would read otherwise (random lines)', () => {
    const next = seededRandom(11);
    const pieces = [
      'V1',
      'A-b/9_',
      '2020-01-02',
      '4301',
      ' 4301',
      '4301 ',
      '',
      ',',
      '"',
      '""',
      '"a,b"',
      'x y',
      '中文',
      '\r',
    ];
    let plain = 0;
    for (let run = 0; run < 20_000; run++) {
      const fields = Array.from({ length: 5 + Math.floor(next() * 5) }, () => {
        let text = '';
        for (let k = Math.floor(next() * 3); k >= 0; k--) text += pieces[Math.floor(next() * pieces.length)]!;
        return text;
      });
      const bytes = Buffer.from(`${fields.join(',')}${next() < 0.5 ? '"' : '\n'}`);
      const end = bytes.length - 1;
      const [starts, ends, hashes] = [new Int32Array(8), new Int32Array(8), new Int32Array(COLUMNS)];
      if (!splitPlainLine(bytes, 0, end, starts, ends, hashes)) continue;
      plain++;
      const [s2, e2] = [new Int32Array(8), new Int32Array(8)];
      expect(splitLine(bytes, 0, end, s2, e2)).toBe(COLUMNS);
      expect([...starts.subarray(0, COLUMNS)]).toEqual([...s2.subarray(0, COLUMNS)]);
      expect([...ends.subarray(0, COLUMNS)]).toEqual([...e2.subarray(0, COLUMNS)]);
      expect(isVoucher(bytes, starts[0]!, ends[0]!)).toBe(true);
      for (const field of [2, 3, 4]) {
        const [from, to] = [starts[field]!, ends[field]!];
        expect(to > from && (bytes[from] === 0x20 || bytes[to - 1] === 0x20)).toBe(false);
        expect(hashes[field]).toBe(fnv(bytes, from, to));
      }
    }
    expect(plain).toBeGreaterThan(50);
  });
});
