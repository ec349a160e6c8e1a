import { describe, expect, it } from 'vitest';
import { seededRandom } from './generate-ledger.js';
import { LedgerAggregates, type AggregateShape } from './ledger-aggregates.js';

/** A shape of `pairs` department–project pairs over 2 departments and 3 economic codes. */
function shape(pairs: number): AggregateShape {
  const all = new Array<AggregateShape['pairs'][number]>(pairs);
  // The last pair is named the same whatever the shape's size, so that both shapes give the same cells.
  for (const pair of [0, 1, 5, pairs - 1])
    all[pair] = { departmentId: pair % 2, projectCode: pair === pairs - 1 ? 'Plast' : `P${pair}` };
  return { departmentCodes: ['D0', 'D1'], economicCodes: ['E0', 'E1', 'E2'], pairs: all };
}

function fill(aggregates: LedgerAggregates, pairs: number): void {
  for (let i = 0; i < 3000; i++) {
    const pair = [0, 1, 5, pairs - 1][i % 4]!;
    aggregates.add(pair, i % 3, 1 + (i % 12), pair % 2, 1 + (i % 360), i * 7 - 5000);
  }
}

describe('LedgerAggregates', () => {
  it('sums the same through its direct index of keys and, past 4 M keys, through its hash table', () => {
    // 2 M pairs × 3 codes = 6 M keys: too many to index directly.
    const [few, many] = [40, 1 << 21];
    const direct = new LedgerAggregates(shape(few));
    const hashed = new LedgerAggregates(shape(many));
    fill(direct, few);
    fill(hashed, many);
    expect([...hashed.cells()]).toEqual([...direct.cells()]);
    expect(hashed.total()).toBe(direct.total());
    expect(direct.total()).toBe(BigInt([...Array(3000).keys()].reduce((sum, i) => sum + i * 7 - 5000, 0)));
    expect(direct.cellCountUsed).toBe(12);
  });
});

describe('LedgerAggregates with large amounts', () => {
  const PAIRS = [0, 1, 5, 7];
  type Payment = { pair: number; economic: number; month: number; day: number; fen: number };

  /** Most payments small, some past an int32 low part (split-sums.ts), and up to `largest` fen. */
  function payments(count: number, seed: number, largest: number): Payment[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => {
      const size = random();
      const magnitude = size < 0.7 ? 1e6 : size < 0.95 ? 5e10 : largest;
      const payment = {
        pair: PAIRS[Math.floor(random() * 4)]!,
        economic: Math.floor(random() * 3),
        month: 1 + Math.floor(random() * 12),
        day: 1 + Math.floor(random() * 366),
        fen: Math.floor((random() - 0.3) * magnitude),
      };
      // The largest go to few cells and days, so that their sums reach the end of the exact range.
      return magnitude === largest ? { ...payment, economic: 0, month: 1, day: 1 + (payment.day % 2) } : payment;
    });
  }

  const add = (aggregates: LedgerAggregates, p: Payment) =>
    aggregates.add(p.pair, p.economic, p.month, p.pair % 2, p.day, p.fen);

  /** As one exact sum per key did: an add is refused, and nothing stored, when a sum would pass 2⁵³ − 1. */
  function reference(lines: Payment[]): { verdicts: boolean[]; cells: Map<string, bigint> } {
    const cells = new Map<string, bigint>();
    const days = new Map<string, bigint>();
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    const verdicts = lines.map((p) => {
      const cell = `P${p.pair}|E${p.economic}|${p.month}`;
      const day = `${p.pair % 2}|${p.day}`;
      const sum = (cells.get(cell) ?? 0n) + BigInt(p.fen);
      const daySum = (days.get(day) ?? 0n) + BigInt(p.fen);
      if (sum > limit || -sum > limit || daySum > limit || -daySum > limit) return false;
      cells.set(cell, sum);
      days.set(day, daySum);
      return true;
    });
    return { verdicts, cells };
  }

  const cellsOf = (aggregates: LedgerAggregates) =>
    new Map(
      [...aggregates.cells()].map((c) => [
        `${c.projectCode === 'Plast' ? 'P7' : c.projectCode}|${c.economicCode}|${c.month}`,
        c.amount,
      ]),
    );

  it('adds and refuses at the same payments as one exact sum per key, spilled low parts included', () => {
    for (const seed of [1, 2, 3]) {
      const lines = payments(4000, seed, 4e15);
      const expected = reference(lines);
      const aggregates = new LedgerAggregates(shape(8));
      expect(lines.map((p) => add(aggregates, p))).toEqual(expected.verdicts);
      expect(expected.verdicts.filter((v) => !v).length).toBeGreaterThan(0);
      expect(cellsOf(aggregates)).toEqual(expected.cells);
    }
  });

  it('merges a second part into the same sums as one reader', () => {
    const lines = payments(6000, 4, 1e14);
    const one = new LedgerAggregates(shape(8));
    const [first, second] = [new LedgerAggregates(shape(8)), new LedgerAggregates(shape(8))];
    lines.forEach((p, i) => {
      expect(add(one, p)).toBe(true);
      expect(add(i < 2500 ? first : second, p)).toBe(true);
    });
    expect(first.canMergeExactly(second.state())).toBe(true);
    expect(first.merge(second.state())).toBe(true);
    expect(cellsOf(first)).toEqual(cellsOf(one));
    expect([...first.days()]).toEqual([...one.days()]);
    expect(first.total()).toBe(one.total());
  });

  it('refuses the small payment that passes the exact range, however the sum got near it', () => {
    const aggregates = new LedgerAggregates(shape(8));
    let sum = 0;
    // Large payments on other days each (no day's sum nears the end), then the rest to 5 fen short of it.
    for (let day = 1; sum + 9e13 <= Number.MAX_SAFE_INTEGER - 5; day++, sum += 9e13)
      expect(aggregates.add(0, 0, 1, 0, day, 9e13)).toBe(true);
    expect(aggregates.add(0, 0, 1, 0, 200, Number.MAX_SAFE_INTEGER - 5 - sum)).toBe(true);
    for (let fen = 0; fen < 5; fen++) expect(aggregates.add(0, 0, 1, 1, 300 + fen, 1)).toBe(true);
    expect(aggregates.add(0, 0, 1, 1, 310, 1)).toBe(false);
    expect(aggregates.total()).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });
});
