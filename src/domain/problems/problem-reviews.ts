import type { Dataset } from '../dataset/schema.js';
import type { Finding } from '../findings/finding.js';
import type { Problem } from './problem.js';

export type ProblemReview = Dataset['narrative']['problemReviews'][number];

/** 审阅状态: a drafted problem is pending until the user accepts, edits or rejects it. */
export type ProblemDecision = 'pending' | ProblemReview['decision'];

/** A drafted problem with the user's decision and the text the report would print. */
export type ReviewedProblem = Problem & { decision: ProblemDecision; text: string };

/** Joins the drafted problems with the dataset's reviews (matched by key). */
export function reviewProblems(problems: readonly Problem[], reviews: readonly ProblemReview[]): ReviewedProblem[] {
  const byKey = new Map(reviews.map((r) => [r.key, r]));
  return problems.map((problem) => {
    const review = byKey.get(problem.key);
    const text = review?.decision === 'edited' && review.text !== undefined ? review.text : problem.message;
    return { ...problem, decision: review?.decision ?? 'pending', text };
  });
}

/** What section 四 prints of the drafted problems: those accepted (as drafted) or edited (as edited), in order. */
export function keptProblemTexts(reviewed: readonly ReviewedProblem[]): string[] {
  return reviewed.filter((p) => p.decision === 'accepted' || p.decision === 'edited').map((p) => p.text);
}

/**
 * PROBLEM_REVIEW_STALE: a review whose problem is no longer found (the figures changed, so the problem went away
 * or changed its key). A warning: the user should look at it again rather than have it silently dropped.
 */
export function staleReviewFindings(problems: readonly Problem[], reviews: readonly ProblemReview[]): Finding[] {
  const keys = new Set(problems.map((p) => p.key));
  return reviews.flatMap((review, index): Finding[] =>
    keys.has(review.key)
      ? []
      : [
          {
            severity: 'warning',
            code: 'PROBLEM_REVIEW_STALE',
            message: `问题审阅“${review.key}”所指的问题已不再出现（数据已变化），请重新审阅。`,
            path: ['narrative', 'problemReviews', index],
          },
        ],
  );
}
