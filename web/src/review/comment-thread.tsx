import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewComment } from '../api/review-types.js';
import { Person } from '../components/person.js';
import { CommentBox } from './comment-box.js';
import { useReview } from './review-context.js';
import type { Thread } from './threads.js';

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function CommentItem(props: { comment: ReviewComment; reply: boolean }) {
  const { comment } = props;
  return (
    <div className={props.reply ? 'jx-comment jx-comment-reply' : 'jx-comment'} data-testid="comment">
      <div className="jx-comment-head">
        <Typography.Text strong>
          <Person label={comment.author} />
        </Typography.Text>
        <Tag color={comment.authorRole === 'reviewer' ? 'red' : 'blue'}>{comment.roleLabel}</Tag>
        <Typography.Text type="secondary">
          {when(comment.createdAt)} · 第 {comment.revisionNo} 版
        </Typography.Text>
      </div>
      <div className="jx-comment-body" data-testid="comment-body">
        {comment.body}
      </div>
    </div>
  );
}

/**
 * 意见及答复: the comment, the answers under it, and a box to answer when the user may — open at once beside a
 * field, behind a 答复 link in the long list of the panel.
 */
export function CommentThread(props: { thread: Thread; answerable: boolean; replyOpen?: boolean }) {
  const review = useReview();
  const [open, setOpen] = useState(props.replyOpen === true);
  const { thread } = props;
  const mayReply = props.answerable && review !== null && (review.canAnswer || review.canComment);
  const verb = review?.canAnswer === true ? '答复' : '补充';
  return (
    <div data-testid="comment-thread" data-comment-id={thread.root.id}>
      <CommentItem comment={thread.root} reply={false} />
      {thread.replies.map((r) => (
        <CommentItem key={r.id} comment={r} reply />
      ))}
      {!mayReply ? null : open ? (
        <div className="jx-comment-reply">
          <CommentBox
            label={review.canAnswer ? '答复审核意见' : '补充意见'}
            button={verb}
            onSend={(body) => review.answer(thread, body)}
            testId="reply-box"
          />
        </div>
      ) : (
        <Button type="link" size="small" className="jx-comment-reply" onClick={() => setOpen(true)}>
          {verb}…
        </Button>
      )}
    </div>
  );
}
