import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/parse.js';
import type { Dataset } from '../dataset/schema.js';
import { hasOwnSelfEvaluationTable, nothingToScore, nothingToScoreMessage } from './score-subject.js';

function dataset(raw: Record<string, unknown>): Dataset {
  const parsed = parseDataset({ fiscalYear: 2021, department: { name: '某县文化旅游广电局' }, ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

describe('what a document is scored from', () => {
  it('scores a narrative report from its own 自评表', () => {
    const report = dataset({ kind: 'report' });
    expect([hasOwnSelfEvaluationTable(report), nothingToScore(report)]).toEqual([true, false]);
  });

  it('has nothing to score in a 决算说明 without printed forms', () => {
    const accounts = dataset({
      kind: 'finalAccounts',
      projects: [{ name: '文物保护', yearStartBudget: '200', actual: '221.50' }],
    });
    expect([hasOwnSelfEvaluationTable(accounts), nothingToScore(accounts)]).toEqual([false, true]);
    expect(nothingToScoreMessage(accounts.kind)).toBe(
      '本文档为部门决算说明，没有绩效自评表，无可评分的内容（不计总分与等级）。',
    );
  });
});
