/**
 * 凭证号去重: a set of 64-bit hashes of voucher ids in one typed array with open addressing (linear probing), 8 bytes
 * a slot, kept at most 80 % full: about 10 bytes per voucher instead of the ~100 a JavaScript Set of strings needs.
 *
 * The slots live in a SharedArrayBuffer so that the two threads reading one large ledger insert into the same set
 * (read-parallel.ts): no second set for the worker's part, and nothing to merge at the end. Each slot records which
 * range of the file inserted it, in file order: FIRST (the main thread's part, and earlier imports), TAIL (the end
 * of the main thread's part, which the worker read once its own was done), LATER (the worker's part) and AFTER (the
 * end of the worker's part, which the main thread read once its own was done). The first occurrence in file order
 * must win: a reading that meets a hash of a range later in the file than its own takes it over when it is the
 * main thread's FIRST reading (`taken` counts them, and the worker's ranges are then read again by the main
 * thread), and notes a `conflict` otherwise (those ranges are read again too).
 *
 * While shared, a slot is claimed with a compare-and-swap of its high word (never 0 in a used slot), then its low
 * word is stored with the owner in its three lowest bits (never 0 either): a reader that finds the high word equal
 * but the low word still 0 waits the few instructions until it is stored. That leaves 61 bits of hash: two distinct
 * ids share one with probability about n² ÷ 2⁶² (≈ 2 × 10⁻⁵ for 10 million vouchers); such a voucher is rejected as
 * a duplicate. (Hashes stored by earlier imports with two owner bits cleared lose the third as they are loaded:
 * the same vouchers still match.)
 */
export { hashVoucher } from './voucher-hash.js';

/** The most a set is filled before it grows. */
const LOAD = 0.8;
/**
 * The most a set sized for a file's estimated lines (`reserve`, `share`) is filled before it grows: a margin for an
 * estimate on the low side, cheaper than growing (which holds the old and the new slots at once) at the file's end.
 * While shared the set cannot grow at all: past this the worker stops and the main thread reads its part again.
 */
const FULL = 0.9;
const OWNER_BITS = 7;
/** The main thread and earlier imports: everything before the worker's part in file order. */
const FIRST = 1;
/** The worker thread, reading the later part of the file. */
const LATER = 2;
/** The worker thread, reading the end of the main thread's part after its own (between FIRST and LATER). */
const TAIL = 3;
/** The main thread, its part done, reading the end of the worker's (after LATER). */
const AFTER = 4;

type Owner = typeof FIRST | typeof LATER | typeof TAIL | typeof AFTER;
/** Where each owner's lines are in file order (by owner). */
const RANK = [0, 0, 2, 1, 3];

/** What a worker thread needs to insert into the same slots. */
export type SharedVoucherSlots = { buffer: SharedArrayBuffer; capacity: number };

export class VoucherSet {
  /** Pairs (high, low | owner); a high word of 0 marks an empty slot. */
  private slots: Uint32Array;
  /** Any number of slots (not a power of two: a 10-million-voucher set takes 107 MB, not 128 MB). */
  private capacity: number;
  /** Used slots this thread knows of (its own inserts, plus the other thread's once it has stopped). */
  private count = 0;
  /** Grows past this many; Infinity while another thread inserts too (the slots must then stay where they are). */
  private growAt: number;
  /** Hashes of the worker's part that this (main) thread met earlier in the file and took over. */
  taken = 0;
  /** Whether this (TAIL) reading met a hash of the LATER part: that part's count of it was wrong. */
  conflict = false;
  /** What `touch` loaded, kept so that the loads are not dropped as unused. */
  private touched = 0;

  constructor(
    expected = 1 << 16,
    private owner: Owner = FIRST,
  ) {
    this.capacity = VoucherSet.capacityFor(expected);
    this.slots = new Uint32Array(new SharedArrayBuffer(this.capacity * 8));
    this.growAt = this.capacity * LOAD;
  }

  private static capacityFor(hashes: number): number {
    return Math.max(1024, Math.ceil(hashes / LOAD));
  }

  /** The worker's view of a set shared by the main thread (`share`): it never grows it and owns what it adds. */
  static later(shared: SharedVoucherSlots): VoucherSet {
    const set = new VoucherSet(0, LATER);
    set.slots = new Uint32Array(shared.buffer);
    set.capacity = shared.capacity;
    set.growAt = Infinity;
    return set;
  }

  /** The worker, its own part done, goes on with the end of the main thread's part (read-parallel.ts). */
  readTail(): void {
    this.owner = TAIL;
  }

  /** The main thread's view of its shared set for reading the end of the worker's part: it owns what it adds. */
  static after(shared: SharedVoucherSlots): VoucherSet {
    const set = VoucherSet.later(shared);
    set.owner = AFTER;
    return set;
  }

  get size(): number {
    return this.count;
  }

  /** The slots' memory, for a worker thread to fault its pages in ahead of the inserts (ledger-worker.ts). */
  get buffer(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  /** While shared: how many more hashes the slots can take before the worker must stop (the set cannot grow). */
  get room(): number {
    return Math.floor(this.capacity * FULL) - this.count;
  }

  /**
   * Makes room for `more` hashes at once: one resize to the final size instead of several as they arrive; with the
   * `headroom` that `share` will ask for, so that sharing the set later does not resize it again.
   */
  reserve(more: number, headroom = 0): void {
    const needed = Math.max(VoucherSet.capacityFor(this.count + more), VoucherSet.capacityWith(headroom));
    if (needed > this.capacity) this.resize(needed);
    this.growAt = this.capacity * FULL;
  }

  /** Slots in which `headroom` hashes fit between FULL and the last slot. */
  private static capacityWith(headroom: number): number {
    return Math.ceil(headroom / (1 - FULL));
  }

  /**
   * Fixes the slots for a worker thread to insert into as well: sized for `more` hashes at 80 % and for `headroom`
   * hashes that both threads may still add past a check of `room` (the set cannot grow until `unshare`).
   */
  share(more: number, headroom: number): SharedVoucherSlots {
    const needed = Math.max(VoucherSet.capacityFor(this.count + more), VoucherSet.capacityWith(headroom));
    if (needed > this.capacity) this.resize(needed);
    this.growAt = Infinity;
    this.taken = 0;
    return { buffer: this.slots.buffer as SharedArrayBuffer, capacity: this.capacity };
  }

  /** The worker has stopped, having filled `theirs` slots: the set is this thread's alone again. */
  unshare(theirs: number): void {
    this.count += theirs;
    this.growAt = this.capacity * FULL;
    if (this.count > this.growAt) this.resize(this.capacity * 2);
  }

  /** The first slot of a hash: a multiply-shift of the mixed hash onto [0, capacity). */
  private home(high: number, low: number): number {
    return Math.floor(((low ^ Math.imul(high, 0x9e3779b1)) >>> 0) * (this.capacity / 4294967296));
  }

  /**
   * Loads the first slot of each of `count` hashes, before they are added one by one: the loads do not depend on
   * each other, so the processor serves their cache and TLB misses side by side, while `add` (its compare-and-swap a
   * full barrier) would serve them one after the other.
   */
  touch(highs: Uint32Array, lows: Uint32Array, count: number): void {
    const slots = this.slots;
    let touched = 0;
    for (let at = 0; at < count; at++) {
      const high = highs[at]! >>> 0 || 1;
      touched ^= slots[this.home(high, (lows[at]! & ~OWNER_BITS) >>> 0) * 2]!;
    }
    this.touched ^= touched;
  }

  /** Adds a hash; false when it was already there (for the worker: also when the main thread has it). */
  add(high: number, low: number): boolean {
    high = high >>> 0 || 1;
    low = (low & ~OWNER_BITS) >>> 0;
    const slots = this.slots;
    const capacity = this.capacity;
    let slot = this.home(high, low);
    for (let probes = 0; ; probes++) {
      if (probes === capacity) throw VoucherSet.full();
      let h = slots[slot * 2]!;
      if (h === 0) {
        // Alone (growAt finite: no other thread inserts), a plain store claims the slot, without a locked
        // instruction's barrier; shared, only a compare-and-swap may.
        if (this.growAt !== Infinity) {
          slots[slot * 2] = high;
          break;
        }
        h = Atomics.compareExchange(slots, slot * 2, 0, high);
        if (h === 0) break;
      }
      if (h === high) {
        const l = VoucherSet.lowOf(slots, slot);
        if ((l & ~OWNER_BITS) >>> 0 === low) return this.found(slot, l);
      }
      if (++slot === capacity) slot = 0;
    }
    // A plain store: an atomic one is a full barrier, and at one insert a line it stopped the processor from going
    // on with the next lines while the slot's cache miss was served (10 M rows: 20.5 / 21.5 s with it, against
    // 15.4 / 19.4 s with no atomics at all). A reader that sees the high word spins on this word until it shows.
    slots[slot * 2 + 1] = low | this.owner;
    if (++this.count > this.growAt) this.resize(capacity * 2);
    return true;
  }

  /**
   * Every slot taken: only possible while shared, if both threads added more than the headroom `share` was given past
   * a check of `room`. A clear failure instead of probing for ever.
   */
  private static full(): Error {
    return new Error('凭证号去重表已满（两个线程超出预留空间），导入已停止');
  }

  /** A slot's low word once its claimer has stored it (it does so right after its compare-and-swap). */
  private static lowOf(slots: Uint32Array, slot: number): number {
    let l = slots[slot * 2 + 1]!;
    while (l === 0) l = Atomics.load(slots, slot * 2 + 1);
    return l;
  }

  /**
   * The hash is there already: a duplicate when it was counted earlier in the file. Else the main thread takes it
   * over (its own reading is the first in file order); any other reading notes a conflict (both are read again).
   */
  private found(slot: number, low: number): boolean {
    if (RANK[low & OWNER_BITS]! <= RANK[this.owner]!) return false;
    if (this.owner !== FIRST) {
      this.conflict = true;
      return false;
    }
    Atomics.store(this.slots, slot * 2 + 1, (low & ~OWNER_BITS) | FIRST);
    this.taken++;
    return true;
  }

  has(high: number, low: number): boolean {
    high = high >>> 0 || 1;
    low = (low & ~OWNER_BITS) >>> 0;
    const slots = this.slots;
    let slot = this.home(high, low);
    for (let probes = 0; ; probes++) {
      if (probes === this.capacity) throw VoucherSet.full();
      const h = slots[slot * 2]!;
      if (h === 0) return false;
      if (h === high && (VoucherSet.lowOf(slots, slot) & ~OWNER_BITS) >>> 0 === low) return true;
      if (++slot === this.capacity) slot = 0;
    }
  }

  private resize(capacity: number): void {
    const old = this.slots;
    this.slots = new Uint32Array(new SharedArrayBuffer(capacity * 8));
    this.capacity = capacity;
    this.growAt = capacity * LOAD;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0) this.place(old[i]!, old[i + 1]!);
    }
  }

  /** Puts a hash (with its owner) in a fresh set of slots, alone: no other thread inserts during a resize. */
  private place(high: number, low: number): void {
    let slot = this.home(high, (low & ~OWNER_BITS) >>> 0);
    while (this.slots[slot * 2] !== 0) if (++slot === this.capacity) slot = 0;
    this.slots[slot * 2] = high;
    this.slots[slot * 2 + 1] = low;
  }

  /** Every hash as bytes (8 a voucher, little-endian pairs), in chunks of at most `perChunk` hashes, for storing. */
  *chunks(perChunk = 1 << 16): Generator<Uint8Array> {
    let buffer = new Uint32Array(Math.min(perChunk, Math.max(this.count, 1)) * 2);
    let used = 0;
    for (let i = 0; i < this.slots.length; i += 2) {
      if (this.slots[i] === 0) continue;
      buffer[used++] = this.slots[i]!;
      buffer[used++] = (this.slots[i + 1]! & ~OWNER_BITS) >>> 0;
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
