import { useCallback, useEffect, useMemo, useState } from 'react';
import { reviewApi } from '../api/accounts.js';
import type { ReviewComment, User, Workflow } from '../api/review-types.js';
import type { DatasetSummary } from '../api/types.js';
import { mayAnswer, mayComment } from '../auth/permissions.js';
import type { DocPath } from '../editor/document.js';
import { pathText } from './path-text.js';
import type { ReviewApi } from './review-context.js';
import { currentRound, threadsByField, threadsOf, type Thread } from './threads.js';

type Loaded = { workflow: Workflow | undefined; comments: ReviewComment[] };

/**
 * The review of one dataset: its workflow (steps, explanations) and comments, reloaded after every change.
 * The last answer stays shown while the next loads, so the marks beside the fields do not flicker.
 */
export function useReviewState(dataset: DatasetSummary, user: User) {
  const [loaded, setLoaded] = useState<Loaded>({ workflow: undefined, comments: [] });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const { id } = dataset;
  useEffect(() => {
    let live = true;
    // A failed load leaves the editor usable without comments; the page reports other failures itself.
    Promise.all([reviewApi.workflow(id).catch(() => undefined), reviewApi.comments(id).catch(() => [])]).then(
      ([workflow, comments]) => live && setLoaded({ workflow, comments }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id, nonce, dataset.state, dataset.latestRevision.revisionNo]);

  const review = useMemo((): ReviewApi => {
    const all = threadsOf(loaded.comments);
    const round = loaded.workflow === undefined ? null : currentRound(loaded.workflow);
    const current = all.filter((t) => round !== null && t.root.revisionNo === round);
    const earlier = all.filter((t) => !current.includes(t)).reverse();
    const post = async (body: string, path: DocPath | null, replyTo: Thread | null) => {
      const revisionNo = replyTo?.root.revisionNo ?? dataset.stateRevision ?? dataset.latestRevision.revisionNo;
      await reviewApi.addComment(id, {
        revisionNo,
        body,
        ...(path === null ? {} : { path: pathText(path) }),
        ...(replyTo === null ? {} : { replyTo: replyTo.root.id }),
      });
      reload();
    };
    const steps = loaded.workflow?.steps ?? [];
    return {
      threadsAt: threadsByField(current),
      threads: current,
      earlier,
      submission: round === null ? null : (steps.filter((s) => s.action === 'submit').at(-1) ?? null),
      steps,
      canComment: mayComment(user, dataset.state),
      canAnswer: mayAnswer(user, dataset.departmentId),
      comment: (body, path) => post(body, path, null),
      answer: (thread, body) => post(body, null, thread),
    };
  }, [loaded, dataset, user, id, reload]);

  return { review, workflow: loaded.workflow, reload };
}
