/** Up to this many keys (16 MB of cell numbers) are indexed directly; a province has about 12,000 pairs × 30 codes. */
const DIRECT_KEYS = 1 << 22;

/**
 * The sums' keys (department–project pair × economic code) → cell numbers 0, 1, 2 … in the order the keys first
 * came: through a direct array when there are few enough keys (one load), else an open-addressing table.
 */
export class CellIndex {
  /** Cell per key (-1: none yet), when the keys are few enough to index directly. */
  private readonly direct: Int32Array | null;
  private keys: Float64Array;
  private slotCell: Int32Array;
  private mask: number;
  /** The key of each cell. */
  cellKeys: Float64Array;
  cellCount = 0;

  constructor(keyCount: number, expectedCells = 0) {
    this.cellKeys = new Float64Array(Math.max(expectedCells, 1 << 10));
    this.direct = keyCount <= DIRECT_KEYS ? new Int32Array(keyCount).fill(-1) : null;
    const capacity = 1 << 12;
    this.keys = new Float64Array(capacity).fill(-1);
    this.slotCell = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The key's cell, or -1 when it has none yet. */
  find(key: number): number {
    if (this.direct !== null) return this.direct[key]!;
    let slot = this.homeSlot(key);
    let found = this.keys[slot]!;
    while (found !== key && found !== -1) {
      slot = (slot + 1) & this.mask;
      found = this.keys[slot]!;
    }
    return found === key ? this.slotCell[slot]! : -1;
  }

  /** The key's cell, a new one when it has none. */
  cellOf(key: number): number {
    if (this.direct !== null) {
      const cell = this.direct[key]!;
      return cell !== -1 ? cell : (this.direct[key] = this.newCell(key));
    }
    let slot = this.homeSlot(key);
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.slotCell[slot]!;
      if (found === -1) break;
      slot = (slot + 1) & this.mask;
    }
    const cell = this.newCell(key);
    this.keys[slot] = key;
    this.slotCell[slot] = cell;
    if (this.cellCount > (this.mask + 1) * 0.6) this.rehash();
    return cell;
  }

  /** Where a key's probe starts: both halves of the key (it can pass 2³²) mixed, masked to the table. */
  private homeSlot(key: number): number {
    return (Math.imul(key | 0, 0x9e3779b1) ^ ((key / 4294967296) | 0)) & this.mask;
  }

  private newCell(key: number): number {
    const cell = this.cellCount++;
    if (cell >= this.cellKeys.length) {
      const grown = new Float64Array(this.cellKeys.length * 2);
      grown.set(this.cellKeys);
      this.cellKeys = grown;
    }
    this.cellKeys[cell] = key;
    return cell;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.slotCell = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let cell = 0; cell < this.cellCount; cell++) {
      const key = this.cellKeys[cell]!;
      let slot = this.homeSlot(key);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.slotCell[slot] = cell;
    }
  }
}
