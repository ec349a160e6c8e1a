import { describe, expect, it } from 'vitest';
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
