/**
 * Codes (department, project within a department, economic) → small integer ids, looked up straight from the
 * line's bytes: an open-addressing table over an FNV-1a hash of (scope, bytes), each entry's bytes kept in one pool
 * and compared on a hit. No string is made per line.
 */
export type CodeTableSnapshot = {
  slots: Int32Array;
  mask: number;
  pool: Uint8Array;
  poolUsed: number;
  entryStart: number[];
  entryEnd: number[];
  entryScope: number[];
  entryId: number[];
};

export class CodeTable {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint8Array(1 << 12);
  private poolUsed = 0;
  private entryStart: number[] = [];
  private entryEnd: number[] = [];
  private entryScope: number[] = [];
  private entryId: number[] = [];

  /** The table's contents, to rebuild it in a worker thread (structured clone). */
  snapshot(): CodeTableSnapshot {
    const { slots, mask, pool, poolUsed, entryStart, entryEnd, entryScope, entryId } = this;
    return { slots, mask, pool, poolUsed, entryStart, entryEnd, entryScope, entryId };
  }

  static fromSnapshot(snapshot: CodeTableSnapshot): CodeTable {
    return Object.assign(new CodeTable(), snapshot);
  }

  constructor(expected = 64) {
    let capacity = 64;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private static hash(scope: number, bytes: Uint8Array, start: number, end: number): number {
    let h = Math.imul(0x811c9dc5 ^ scope, 0x01000193);
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** The id of `bytes[start, end)` (spaces around it ignored) in `scope`, or -1. */
  get(scope: number, bytes: Uint8Array, start: number, end: number): number {
    while (start < end && bytes[start] === 0x20) start++;
    while (end > start && bytes[end - 1] === 0x20) end--;
    let slot = CodeTable.hash(scope, bytes, start, end) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === -1) return -1;
      if (this.entryScope[entry] === scope && this.matches(entry, bytes, start, end)) return this.entryId[entry]!;
      slot = (slot + 1) & this.mask;
    }
  }

  private matches(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.entryStart[entry]!;
    if (this.entryEnd[entry]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.pool[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /** Adds an ASCII code in `scope` with its id (a code already there keeps its first id). */
  set(scope: number, code: string, id: number): void {
    const bytes = new Uint8Array(code.length);
    for (let i = 0; i < code.length; i++) bytes[i] = code.charCodeAt(i) & 0xff;
    if (this.get(scope, bytes, 0, bytes.length) !== -1) return;
    if (this.poolUsed + bytes.length > this.pool.length) {
      const pool = new Uint8Array((this.pool.length + bytes.length) * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes, this.poolUsed);
    const entry = this.entryId.length;
    this.entryStart.push(this.poolUsed);
    this.entryEnd.push(this.poolUsed + bytes.length);
    this.entryScope.push(scope);
    this.entryId.push(id);
    this.poolUsed += bytes.length;
    if (this.entryId.length * 2 > this.mask + 1) this.rehash();
    else this.place(entry);
  }

  private place(entry: number): void {
    const from = this.entryStart[entry]!;
    let slot = CodeTable.hash(this.entryScope[entry]!, this.pool, from, this.entryEnd[entry]!) & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry;
  }

  private rehash(): void {
    this.slots = new Int32Array((this.mask + 1) * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.entryId.length; entry++) this.place(entry);
  }
}
