import { CommentOutlined, MessageOutlined } from '@ant-design/icons';
import { Badge, Button, ConfigProvider, Popover, Space } from 'antd';
import type { DocPath } from '../editor/document.js';
import { describePath } from '../editor/field-labels.js';
import { CommentBox } from './comment-box.js';
import { CommentThread } from './comment-thread.js';
import { useReview } from './review-context.js';

/**
 * 字段旁的审核意见: a mark on a field with comments (a count; opens the thread), and for a reviewer of a
 * submitted revision a faint mark on every field to start one. Stays usable on the read-only editor.
 */
export function FieldComments(props: { path: DocPath; pathKey: string }) {
  const review = useReview();
  if (review === null) return null;
  const threads = review.threadsAt.get(props.pathKey) ?? [];
  if (threads.length === 0 && !review.canComment) return null;
  const count = threads.reduce((n, t) => n + 1 + t.replies.length, 0);
  const content = (
    // The editor may be read-only (every control disabled): the comment boxes are not part of the figures.
    <ConfigProvider componentDisabled={false}>
      <Space direction="vertical" style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="field-thread">
        {threads.map((t) => (
          <CommentThread key={t.root.id} thread={t} answerable replyOpen={review.canAnswer} />
        ))}
        {review.canComment ? (
          <CommentBox
            label="对此字段的审核意见"
            button="发表意见"
            onSend={(body) => review.comment(body, props.path)}
            testId="field-comment-box"
          />
        ) : null}
      </Space>
    </ConfigProvider>
  );
  return (
    <Popover trigger="click" placement="leftTop" title={`审核意见：${describePath(props.path)}`} content={content}>
      <Button
        type="text"
        size="small"
        disabled={false}
        className={threads.length === 0 ? 'jx-comment-mark jx-comment-add' : 'jx-comment-mark'}
        aria-label={threads.length === 0 ? '对此字段提出审核意见' : `查看 ${count} 条审核意见`}
        data-comment-for={props.pathKey}
        data-count={count}
        icon={
          threads.length === 0 ? (
            <CommentOutlined />
          ) : (
            <Badge count={count} size="small" color="#d46b08">
              <MessageOutlined style={{ color: '#d46b08' }} />
            </Badge>
          )
        }
      />
    </Popover>
  );
}
