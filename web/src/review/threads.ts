import type { ReviewComment, Workflow } from '../api/review-types.js';
import { pathKey, type DocPath } from '../editor/document.js';
import { parsePathText } from './path-text.js';

/** 意见串: a comment and the answers to it, oldest first; `key` is the field's pathKey (null: whole report). */
export type Thread = { root: ReviewComment; replies: ReviewComment[]; path: DocPath | null; key: string | null };

/** Answers hang under the comment that started the thread, however deep the replyTo chain. */
export function threadsOf(comments: readonly ReviewComment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (comment: ReviewComment): ReviewComment => {
    let node = comment;
    const seen = new Set<number>();
    while (node.replyTo !== null && !seen.has(node.id)) {
      seen.add(node.id);
      const parent = byId.get(node.replyTo);
      if (parent === undefined) break;
      node = parent;
    }
    return node;
  };
  const threads = new Map<number, Thread>();
  for (const comment of comments) {
    const root = rootOf(comment);
    let thread = threads.get(root.id);
    if (thread === undefined) {
      const path = root.path === null ? null : parsePathText(root.path);
      thread = { root, replies: [], path, key: path === null ? null : pathKey(path) };
      threads.set(root.id, thread);
    }
    if (comment !== root) thread.replies.push(comment);
  }
  return [...threads.values()];
}

/**
 * 本轮: the revision of the latest submission. Its comments sit beside the fields while it is under review or
 * returned for correction; after approval they are history.
 */
export function currentRound(workflow: Workflow): number | null {
  if (workflow.state !== 'submitted' && workflow.state !== 'returned') return null;
  const submits = workflow.steps.filter((s) => s.action === 'submit');
  return submits.at(-1)?.revisionNo ?? workflow.stateRevision;
}

export function threadsByField(threads: readonly Thread[]): Map<string, Thread[]> {
  const map = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (thread.key === null) continue;
    map.set(thread.key, [...(map.get(thread.key) ?? []), thread]);
  }
  return map;
}

/** The explanations given at the latest submission, to start a resubmission from. */
export function lastExplanations(workflow: Workflow | undefined): Record<string, string> {
  const submits = workflow?.steps.filter((s) => s.action === 'submit') ?? [];
  return submits.at(-1)?.explanations ?? {};
}
