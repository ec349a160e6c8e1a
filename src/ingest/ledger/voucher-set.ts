/**
 * 凭证号去重: a set of 64-bit hashes of voucher ids in one typed array with open addressing (linear probing), 8 bytes
 * a slot, kept at most 75 % full: about 10.7 bytes per voucher instead of the ~100 a JavaScript Set of strings needs.
 * Two distinct ids share a 64-bit hash with probability about n² ÷ 2⁶⁵ (≈ 3 × 10⁻⁶ for 10 million vouchers).
 */
/** The most a set is filled before it grows. */
const LOAD = 0.75;

export class VoucherSet {
  /** Pairs (high, low); (0, 0) marks an empty slot, so a hash of (0, 0) is stored as (0, 1). */
  private slots: Uint32Array;
  /** Any number of slots (not a power of two: a 10-million-voucher set takes 107 MB, not 128 MB). */
  private capacity: number;
  private count = 0;

  constructor(expected = 1 << 16) {
    this.capacity = VoucherSet.capacityFor(expected);
    this.slots = new Uint32Array(this.capacity * 2);
  }

  private static capacityFor(hashes: number): number {
    return Math.max(1024, Math.ceil(hashes / LOAD));
  }

  /** A set over slots another thread filled (`slotsView`), for merging. */
  static fromSlots(slots: Uint32Array, count: number): VoucherSet {
    const set = new VoucherSet(0);
    set.slots = slots;
    set.capacity = slots.length / 2;
    set.count = count;
    return set;
  }

  get size(): number {
    return this.count;
  }

  /** The slots as they are, to hand to another thread (transferable; the set must not be used afterwards). */
  get slotsView(): Uint32Array {
    return this.slots;
  }

  /** Makes room for `more` hashes at once: one resize to the final size instead of several as they arrive. */
  reserve(more: number): void {
    if (this.count + more > this.capacity * LOAD) this.resize(VoucherSet.capacityFor(this.count + more));
  }

  /** The first slot of a hash: a multiply-shift of the mixed hash onto [0, capacity). */
  private home(high: number, low: number): number {
    return Math.floor(((low ^ Math.imul(high, 0x9e3779b1)) >>> 0) * (this.capacity / 4294967296));
  }

  /** Adds a hash; false when it was already there. */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    high >>>= 0;
    low >>>= 0;
    const slots = this.slots;
    const capacity = this.capacity;
    let slot = this.home(high, low);
    for (;;) {
      const h = slots[slot * 2]!;
      const l = slots[slot * 2 + 1]!;
      if (h === 0 && l === 0) break;
      if (h === high && l === low) return false;
      if (++slot === capacity) slot = 0;
    }
    slots[slot * 2] = high;
    slots[slot * 2 + 1] = low;
    if (++this.count > capacity * LOAD) this.resize(capacity * 2);
    return true;
  }

  has(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    high >>>= 0;
    low >>>= 0;
    const slots = this.slots;
    let slot = this.home(high, low);
    for (;;) {
      const h = slots[slot * 2]!;
      const l = slots[slot * 2 + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === high && l === low) return true;
      if (++slot === this.capacity) slot = 0;
    }
  }

  /** Whether any hash of `other` is in this set. */
  sharesAny(other: VoucherSet): boolean {
    const theirs = other.slots;
    for (let i = 0; i < theirs.length; i += 2) {
      if ((theirs[i] !== 0 || theirs[i + 1] !== 0) && this.has(theirs[i]!, theirs[i + 1]!)) return true;
    }
    return false;
  }

  /** Adds every hash of `other` (after `reserve`, without resizing). */
  addAll(other: VoucherSet): void {
    this.reserve(other.count);
    const theirs = other.slots;
    for (let i = 0; i < theirs.length; i += 2) {
      if (theirs[i] !== 0 || theirs[i + 1] !== 0) this.add(theirs[i]!, theirs[i + 1]!);
    }
  }

  private resize(capacity: number): void {
    const old = this.slots;
    this.slots = new Uint32Array(capacity * 2);
    this.capacity = capacity;
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
