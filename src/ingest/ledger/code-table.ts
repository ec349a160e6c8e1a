/**
 * Codes (department, project within a department, economic) → small integer ids, looked up straight from the
 * line's bytes: an open-addressing table over an FNV-1a hash of (scope, bytes). No string is made per line.
 *
 * Laid out for the cache, since a lookup runs two or three times a line beside the voucher set's random accesses:
 * a slot is 32 bytes — the full hash, the scope, the id, the code's length and the code's bytes themselves (up to
 * 16; a longer code's bytes sit in a pool, the slot holding their offset) — so a lookup reads one slot, where it
 * used to read a slot, an entry and the pool: three dependent cache misses (the profile's largest cost, 20 %). A
 * province's ~12,000 codes take 1 MB of slots at most half full.
 */
export type CodeTableSnapshot = {
  slots: Int32Array;
  mask: number;
  pool: Uint8Array;
  poolUsed: number;
  count: number;
};

/** The FNV-1a hash of a code's bytes: from this seed, for each byte `h = Math.imul(h ^ byte, CODE_HASH_PRIME)`. */
export const CODE_HASH_SEED = 0x811c9dc5 | 0;
export const CODE_HASH_PRIME = 0x01000193;

/** Words of a slot. */
const HASH = 0;
const SCOPE = 1;
const ID = 2;
/** The code's length in bytes; -1 marks an empty slot (a code may be empty: basic expenditure's project). */
const LENGTH = 3;
/** Where the code's bytes start in the slot (or, past INLINE_BYTES, the word holding their offset in the pool). */
const BYTES = 4;
const INLINE_BYTES = 16;
const SLOT_WORDS = 8;

export class CodeTable {
  private slots: Int32Array;
  /** The same memory as bytes, to compare a code with the line's. */
  private slotBytes: Uint8Array;
  private mask: number;
  private pool: Uint8Array = new Uint8Array(1 << 10);
  private poolUsed = 0;
  private count = 0;

  /** The table's contents, to rebuild it in a worker thread (structured clone). */
  snapshot(): CodeTableSnapshot {
    const { slots, mask, pool, poolUsed, count } = this;
    return { slots, mask, pool, poolUsed, count };
  }

  static fromSnapshot(snapshot: CodeTableSnapshot): CodeTable {
    const table = new CodeTable();
    table.slots = snapshot.slots;
    table.slotBytes = new Uint8Array(snapshot.slots.buffer, snapshot.slots.byteOffset, snapshot.slots.byteLength);
    table.mask = snapshot.mask;
    table.pool = snapshot.pool;
    table.poolUsed = snapshot.poolUsed;
    table.count = snapshot.count;
    return table;
  }

  constructor(expected = 64) {
    let capacity = 64;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = CodeTable.emptySlots(capacity);
    this.slotBytes = new Uint8Array(this.slots.buffer);
    this.mask = capacity - 1;
  }

  private static emptySlots(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * SLOT_WORDS);
    for (let at = LENGTH; at < slots.length; at += SLOT_WORDS) slots[at] = -1;
    return slots;
  }

  private static hash(scope: number, bytes: Uint8Array, start: number, end: number): number {
    let h = CODE_HASH_SEED;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, CODE_HASH_PRIME);
    return CodeTable.scoped(h, scope);
  }

  /** A code's hash in its scope, from the FNV-1a hash of its bytes alone (which a line's split computes). */
  private static scoped(bytesHash: number, scope: number): number {
    const h = Math.imul(bytesHash ^ Math.imul(scope + 1, 0x9e3779b1), 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  /** The id of `bytes[start, end)` (spaces around it ignored) in `scope`, or -1. */
  get(scope: number, bytes: Uint8Array, start: number, end: number): number {
    while (start < end && bytes[start] === 0x20) start++;
    while (end > start && bytes[end - 1] === 0x20) end--;
    return this.getHashed(scope, CodeTable.hash(scope, bytes, start, end), bytes, start, end);
  }

  /**
   * `get` for a code without spaces around it whose bytes' hash is known (FNV-1a from CODE_HASH_SEED with
   * CODE_HASH_PRIME): its bytes are read only to compare them with the slot's.
   */
  getKnown(scope: number, bytesHash: number, bytes: Uint8Array, start: number, end: number): number {
    return this.getHashed(scope, CodeTable.scoped(bytesHash, scope), bytes, start, end);
  }

  private getHashed(scope: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT_WORDS;
      const stored = slots[at + LENGTH]!;
      if (stored === -1) return -1;
      if (
        stored === length &&
        slots[at + HASH] === hash &&
        slots[at + SCOPE] === scope &&
        this.matches(at, bytes, start)
      )
        return slots[at + ID]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether the code in the slot at word `at` (of the line's length) is bytes[start, …). */
  private matches(at: number, bytes: Uint8Array, start: number): boolean {
    const length = this.slots[at + LENGTH]!;
    let code: Uint8Array = this.slotBytes;
    let from = (at + BYTES) * 4;
    if (length > INLINE_BYTES) {
      code = this.pool;
      from = this.slots[at + BYTES]!;
    }
    for (let i = 0; i < length; i++) if (code[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /** Adds an ASCII code in `scope` with its id (a code already there keeps its first id). */
  set(scope: number, code: string, id: number): void {
    const bytes = new Uint8Array(code.length);
    for (let i = 0; i < code.length; i++) bytes[i] = code.charCodeAt(i) & 0xff;
    if (this.get(scope, bytes, 0, bytes.length) === -1) this.add(scope, bytes, 0, bytes.length, id);
  }

  /** Adds bytes[start, end) in `scope` with its id; the caller has found it absent. */
  add(scope: number, bytes: Uint8Array, start: number, end: number, id: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash();
    this.count++;
    const length = end - start;
    const at = this.freeSlot(CodeTable.hash(scope, bytes, start, end));
    this.slots[at + SCOPE] = scope;
    this.slots[at + ID] = id;
    this.slots[at + LENGTH] = length;
    if (length <= INLINE_BYTES) {
      this.slotBytes.set(bytes.subarray(start, end), (at + BYTES) * 4);
      return;
    }
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array((this.pool.length + length) * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.slots[at + BYTES] = this.poolUsed;
    this.poolUsed += length;
  }

  /** The first empty slot of `hash`'s probe, with the hash stored: its word offset. */
  private freeSlot(hash: number): number {
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT_WORDS + LENGTH] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot * SLOT_WORDS + HASH] = hash;
    return slot * SLOT_WORDS;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = CodeTable.emptySlots((this.mask + 1) * 2);
    this.slotBytes = new Uint8Array(this.slots.buffer);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let from = 0; from < old.length; from += SLOT_WORDS) {
      if (old[from + LENGTH] === -1) continue;
      this.slots.set(old.subarray(from, from + SLOT_WORDS), this.freeSlot(old[from + HASH]!));
    }
  }
}
