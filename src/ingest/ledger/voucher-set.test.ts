import { describe, expect, it } from 'vitest';
import { hashVoucher, VoucherSet } from './voucher-set.js';

const hashOf = (id: string) => {
  const out = new Uint32Array(2);
  const bytes = Buffer.from(id);
  hashVoucher(bytes, 0, bytes.length, out);
  return [out[0]!, out[1]!] as const;
};

describe('VoucherSet', () => {
  it('adds each hash once, through growth, and keeps them through its stored chunks', () => {
    const set = new VoucherSet(4);
    for (let i = 0; i < 50_000; i++) expect(set.add(...hashOf(`V${i}`))).toBe(true);
    for (let i = 0; i < 50_000; i += 7) expect(set.add(...hashOf(`V${i}`))).toBe(false);
    expect(set.size).toBe(50_000);
    const copy = new VoucherSet();
    for (const chunk of set.chunks(4096)) copy.addChunk(chunk);
    expect(copy.size).toBe(50_000);
    expect(copy.has(...hashOf('V49999'))).toBe(true);
    expect(copy.has(...hashOf('V50000'))).toBe(false);
  });

  it('keeps a hash of (0, 0) apart from an empty slot', () => {
    const set = new VoucherSet();
    expect(set.add(0, 0)).toBe(true);
    expect(set.add(0, 0)).toBe(false);
    expect(set.size).toBe(1);
  });
});
