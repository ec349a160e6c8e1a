import { Badge, Card, Collapse, Empty, Typography } from 'antd';
import type { DocPath } from '../editor/document.js';
import { describePath } from '../editor/field-labels.js';
import { CommentBox } from './comment-box.js';
import { CommentThread } from './comment-thread.js';
import { useReview } from './review-context.js';
import { SubmissionNotes } from './submission-notes.js';
import type { Thread } from './threads.js';

function ThreadItem(props: { thread: Thread; answerable: boolean; onOpen: (path: DocPath) => void }) {
  const { thread } = props;
  const path = thread.path;
  return (
    <div className="jx-review-item" data-testid="review-item" data-path-key={thread.key ?? ''}>
      {path === null ? (
        <Typography.Text type="secondary">针对整份报告</Typography.Text>
      ) : (
        <button type="button" className="jx-finding" onClick={() => props.onOpen(path)} data-testid="review-open">
          <span className="jx-finding-message">{describePath(path)}</span>
        </button>
      )}
      <CommentThread thread={thread} answerable={props.answerable} />
    </div>
  );
}

/**
 * 审核意见: every comment of the current round, each linked to its field like a finding; the reviewer can
 * also comment on the whole report, the department answers under each comment. Earlier rounds are folded away.
 */
export function ReviewPanel(props: { onOpen: (path: DocPath) => void }) {
  const review = useReview();
  if (review === null) return null;
  const { threads, earlier } = review;
  if (threads.length === 0 && earlier.length === 0 && !review.canComment && review.steps.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          审核意见 <Badge count={threads.length} color="#d46b08" showZero={false} />
        </span>
      }
      data-testid="review-panel"
    >
      <SubmissionNotes submission={review.submission} steps={review.steps} onOpen={props.onOpen} />
      {threads.length > 0 ? (
        threads.map((t) => <ThreadItem key={t.root.id} thread={t} answerable onOpen={props.onOpen} />)
      ) : review.submission === null ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本轮暂无审核意见" />
      )}
      {review.canComment ? (
        <div style={{ marginTop: 12 }}>
          <CommentBox
            label="对整份报告的审核意见"
            button="发表意见"
            onSend={(body) => review.comment(body, null)}
            testId="report-comment-box"
          />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            对某一字段提意见：点击该字段右侧的意见图标。
          </Typography.Paragraph>
        </div>
      ) : null}
      {earlier.length === 0 ? null : (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'earlier',
              label: `以往各轮意见（${earlier.length}）`,
              children: earlier.map((t) => (
                <ThreadItem key={t.root.id} thread={t} answerable={false} onOpen={props.onOpen} />
              )),
            },
          ]}
        />
      )}
    </Card>
  );
}
