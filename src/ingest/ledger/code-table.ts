/**
 * Codes (department, project within a department, economic) → small integer ids, looked up straight from the
 * line's bytes: an open-addressing table over an FNV-1a hash of (scope, bytes), each entry's bytes kept in one pool
 * and compared on a hit. No string is made per line.
 *
 * Laid out for the cache, since a lookup runs three times a line beside the voucher set's random accesses: each slot
 * holds the full hash next to the entry number (a probe that meets another code costs no other memory), an entry's
 * pool offset, length, scope and id are four neighbouring words, and the table is sized by the codes it holds (about
 * 12,000 for a province: 96 KB of slots), not by the budget lines.
 */
export type CodeTableSnapshot = {
  slots: Int32Array;
  mask: number;
  pool: Uint8Array;
  poolUsed: number;
  entries: Int32Array;
  entryCount: number;
};

/** The FNV-1a hash of a code's bytes: from this seed, for each byte `h = Math.imul(h ^ byte, CODE_HASH_PRIME)`. */
export const CODE_HASH_SEED = 0x811c9dc5 | 0;
export const CODE_HASH_PRIME = 0x01000193;

/** Words of an entry in `entries`. */
const START = 0;
const LENGTH = 1;
const SCOPE = 2;
const ID = 3;
const ENTRY_WORDS = 4;
/** A slot is two words: the hash, then the entry number (-1: empty). */
const SLOT_WORDS = 2;

export class CodeTable {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint8Array(1 << 12);
  private poolUsed = 0;
  private entries = new Int32Array(64 * ENTRY_WORDS);
  private entryCount = 0;

  /** The table's contents, to rebuild it in a worker thread (structured clone). */
  snapshot(): CodeTableSnapshot {
    const { slots, mask, pool, poolUsed, entries, entryCount } = this;
    return { slots, mask, pool, poolUsed, entries, entryCount };
  }

  static fromSnapshot(snapshot: CodeTableSnapshot): CodeTable {
    return Object.assign(new CodeTable(), snapshot);
  }

  constructor(expected = 64) {
    let capacity = 64;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT_WORDS).fill(-1);
    this.mask = capacity - 1;
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
   * CODE_HASH_PRIME): its bytes are read only to compare them with the entry's.
   */
  getKnown(scope: number, bytesHash: number, bytes: Uint8Array, start: number, end: number): number {
    return this.getHashed(scope, CodeTable.scoped(bytesHash, scope), bytes, start, end);
  }

  private getHashed(scope: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const entry = slots[slot * SLOT_WORDS + 1]!;
      if (entry === -1) return -1;
      if (slots[slot * SLOT_WORDS] === hash && this.matches(entry, scope, bytes, start, end))
        return this.entries[entry * ENTRY_WORDS + ID]!;
      slot = (slot + 1) & this.mask;
    }
  }

  private matches(entry: number, scope: number, bytes: Uint8Array, start: number, end: number): boolean {
    const at = entry * ENTRY_WORDS;
    const from = this.entries[at + START]!;
    if (this.entries[at + SCOPE] !== scope || this.entries[at + LENGTH] !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.pool[from + i] !== bytes[start + i]) return false;
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
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array((this.pool.length + length) * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    const entry = this.entryCount++;
    if (this.entryCount * ENTRY_WORDS > this.entries.length) {
      const entries = new Int32Array(this.entries.length * 2);
      entries.set(this.entries);
      this.entries = entries;
    }
    const at = entry * ENTRY_WORDS;
    this.entries[at + START] = this.poolUsed;
    this.entries[at + LENGTH] = length;
    this.entries[at + SCOPE] = scope;
    this.entries[at + ID] = id;
    this.poolUsed += length;
    if (this.entryCount * 2 > this.mask + 1) this.rehash();
    else this.place(entry);
  }

  private place(entry: number): void {
    const at = entry * ENTRY_WORDS;
    const from = this.entries[at + START]!;
    const hash = CodeTable.hash(this.entries[at + SCOPE]!, this.pool, from, from + this.entries[at + LENGTH]!);
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT_WORDS + 1] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot * SLOT_WORDS] = hash;
    this.slots[slot * SLOT_WORDS + 1] = entry;
  }

  private rehash(): void {
    this.slots = new Int32Array((this.mask + 1) * 2 * SLOT_WORDS).fill(-1);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let entry = 0; entry < this.entryCount; entry++) this.place(entry);
  }
}
