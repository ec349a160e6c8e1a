// The hash of a voucher id that the voucher set (voucher-set.ts) keeps and the store keeps across imports: it must
// not change, or vouchers counted by an earlier import would be counted again.

/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-rotate hash, both finished with murmur3's fmix32) of
 * `bytes[start, end)`, written to `out[0]` (high) and `out[1]` (low).
 */
export function hashVoucher(bytes: Uint8Array, start: number, end: number, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x2545f491 ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  out[0] = fmix(a);
  out[1] = fmix(b);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
