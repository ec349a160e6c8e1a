import { describe, expect, it } from 'vitest';
import { computeFigures } from '../figures/compute.js';
import { datasetOf, minimalDatasetInput } from '../testing/minimal-dataset.js';
import { detectProblems } from './detect-problems.js';
import { keptProblemTexts, reviewProblems, staleReviewFindings } from './problem-reviews.js';

function lowExecutionDataset(reviews: { key: string; decision: 'accepted' | 'edited' | 'rejected'; text?: string }[]) {
  const input = minimalDatasetInput();
  input.projects = [{ name: '测试项目', yearStartBudget: '50', actual: '30', returnedToTreasury: '20' }];
  input.income!.sources = [{ source: '财政拨款', basic: '100', project: '30' }];
  if (input.narrative) input.narrative.problemReviews = reviews;
  return datasetOf(input);
}

describe('problem reviews', () => {
  const dataset = lowExecutionDataset([]);
  const problems = detectProblems(dataset, computeFigures(dataset));
  const projectProblem = problems.find((p) => p.code === 'PROJECT_EXECUTION_RATE_LOW');

  it('gives each drafted problem a stable key from its code and path', () => {
    expect(projectProblem?.key).toBe('PROJECT_EXECUTION_RATE_LOW:$.projects[0]:yearStartBudget');
    expect(new Set(problems.map((p) => p.key)).size).toBe(problems.length);
  });

  it('keeps drafted problems pending, and out of the report, until reviewed', () => {
    const reviewed = reviewProblems(problems, []);
    expect(reviewed.every((p) => p.decision === 'pending')).toBe(true);
    expect(keptProblemTexts(reviewed)).toEqual([]);
  });

  it('prints accepted problems as drafted and edited ones as edited; rejected ones not at all', () => {
    const key = projectProblem?.key ?? '';
    const others = problems.filter((p) => p.key !== key).map((p) => ({ key: p.key, decision: 'rejected' as const }));
    expect(keptProblemTexts(reviewProblems(problems, [{ key, decision: 'accepted' }, ...others]))).toEqual([
      '测试项目预算执行率为60%（实际支出30万元 ÷ 年初预算50万元），低于90%，20万元上缴财政。',
    ]);
    expect(
      keptProblemTexts(reviewProblems(problems, [{ key, decision: 'edited', text: '改写后的问题。' }, ...others])),
    ).toEqual(['改写后的问题。']);
  });

  it('warns about a review whose problem is gone', () => {
    const reviews = [{ key: 'PROJECT_EXECUTION_RATE_LOW:$.projects[7]', decision: 'accepted' as const }];
    expect(staleReviewFindings(problems, reviews)).toMatchObject([
      { severity: 'warning', code: 'PROBLEM_REVIEW_STALE', path: ['narrative', 'problemReviews', 0] },
    ]);
  });

  it('requires the text of an edited review', () => {
    expect(() => lowExecutionDataset([{ key: 'X', decision: 'edited' }])).toThrow('修改后采纳的问题须填写修改后的文字');
  });
});
