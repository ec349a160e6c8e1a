import { describe, expect, it } from 'vitest';
import { changeSummary, diffDocuments } from './diff.js';

describe('diffDocuments', () => {
  it('lists each changed leaf with its JSON path and both values', () => {
    const before = { unit: '万元', projects: [{ name: 'A', actual: '18.21' }], narrative: { other: ['x'] } };
    const after = { unit: '万元', projects: [{ name: 'A', actual: '18.31' }, { name: 'B' }], narrative: {} };
    expect(diffDocuments(before, after)).toEqual([
      { path: ['projects', 0, 'actual'], pathText: '$.projects[0].actual', old: '18.21', new: '18.31' },
      { path: ['projects', 1], pathText: '$.projects[1]', old: undefined, new: { name: 'B' } },
      { path: ['narrative', 'other'], pathText: '$.narrative.other', old: ['x'], new: undefined },
    ]);
  });

  it('gives no changes for equal documents', () => {
    expect(diffDocuments({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(changeSummary([])).toBe('无改动');
  });
});
