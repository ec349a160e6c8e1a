/**
 * 凭证号去重: a set of 64-bit hashes of voucher ids in one typed array with open addressing (linear probing), 8 bytes
 * a slot, kept at most 70 % full: about 11.5 bytes per voucher instead of the ~100 a JavaScript Set of strings needs.
 * Two distinct ids share a 64-bit hash with probability about n² ÷ 2⁶⁵ (≈ 3 × 10⁻⁶ for 10 million vouchers).
 */
export class VoucherSet {
  /** Pairs (high, low); (0, 0) marks an empty slot, so a hash of (0, 0) is stored as (0, 1). */
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1 << 16) {
    let capacity = 1 << 10;
    while (capacity * 0.7 < expected) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Makes room for `more` hashes at once (one resize instead of several as they arrive). */
  reserve(more: number): void {
    while (this.count + more > (this.mask + 1) * 0.7) this.grow();
  }

  /** Adds a hash; false when it was already there. */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    const slots = this.slots;
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = slots[slot * 2]!;
      const l = slots[slot * 2 + 1]!;
      if (h === 0 && l === 0) break;
      if (h === high >>> 0 && l === low >>> 0) return false;
      slot = (slot + 1) & this.mask;
    }
    slots[slot * 2] = high;
    slots[slot * 2 + 1] = low;
    if (++this.count > (this.mask + 1) * 0.7) this.grow();
    return true;
  }

  has(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = this.slots[slot * 2]!;
      const l = this.slots[slot * 2 + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === high >>> 0 && l === low >>> 0) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!);
    }
  }

  /** Every hash as bytes (8 a voucher, little-endian pairs), in chunks of at most `perChunk` hashes, for storing. */
  *chunks(perChunk = 1 << 16): Generator<Uint8Array> {
    let buffer = new Uint32Array(Math.min(perChunk, Math.max(this.count, 1)) * 2);
    let used = 0;
    for (let i = 0; i < this.slots.length; i += 2) {
      if (this.slots[i] === 0 && this.slots[i + 1] === 0) continue;
      buffer[used++] = this.slots[i]!;
      buffer[used++] = this.slots[i + 1]!;
      if (used === buffer.length) {
        yield new Uint8Array(buffer.buffer, 0, used * 4);
        buffer = new Uint32Array(buffer.length);
        used = 0;
      }
    }
    if (used > 0) yield new Uint8Array(buffer.buffer, 0, used * 4);
  }

  /** Adds the hashes of a stored chunk (as `chunks` wrote them). */
  addChunk(bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + 8 <= bytes.byteLength; offset += 8) {
      this.add(view.getUint32(offset, true), view.getUint32(offset + 4, true));
    }
  }
}

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
