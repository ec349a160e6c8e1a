import { createContext, useContext } from 'react';
import type { WorkflowStep } from '../api/review-types.js';
import type { DocPath } from '../editor/document.js';
import type { Thread } from './threads.js';

/** What the fields and the 审核意见 panel need of the review: the threads, who may write, and how. */
export type ReviewApi = {
  /** Threads of the current round by the pathKey of their field. */
  threadsAt: ReadonlyMap<string, readonly Thread[]>;
  /** Every thread of the current round, the whole-report ones included. */
  threads: readonly Thread[];
  /** Threads of earlier rounds, newest round first. */
  earlier: readonly Thread[];
  /** The latest submission (with the department's explanations), when one is under review or returned. */
  submission: WorkflowStep | null;
  /** Every workflow step, oldest first. */
  steps: readonly WorkflowStep[];
  /** A reviewer on a submitted revision. */
  canComment: boolean;
  /** The department's editor. */
  canAnswer: boolean;
  /** A new comment on a field (or the whole report, path null) of the submitted revision. */
  comment: (body: string, path: DocPath | null) => Promise<void>;
  answer: (thread: Thread, body: string) => Promise<void>;
};

export const ReviewContext = createContext<ReviewApi | null>(null);

/** Null outside a dataset page (the fields then show no comment marks). */
export const useReview = (): ReviewApi | null => useContext(ReviewContext);
