import { Collapse, List, Timeline, Typography } from 'antd';
import type { WorkflowStep } from '../api/review-types.js';
import { Person } from '../components/person.js';
import type { DocPath } from '../editor/document.js';
import { describePath } from '../editor/field-labels.js';
import { parsePathText } from './path-text.js';

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/** `CODE@$.path` → the field it is about (null when the key has no path). */
function pathOfKey(key: string): DocPath | null {
  const at = key.indexOf('@');
  return at < 0 ? null : parsePathText(key.slice(at + 1));
}

function Explanation(props: { findingKey: string; text: string; onOpen: (path: DocPath) => void }) {
  const path = pathOfKey(props.findingKey);
  return (
    <List.Item data-testid="submission-explanation">
      <div>
        {path === null ? null : (
          <button type="button" className="jx-finding" onClick={() => props.onOpen(path)}>
            <span className="jx-finding-message">{describePath(path)}</span>
          </button>
        )}
        <Typography.Text>{props.text}</Typography.Text>
      </div>
    </List.Item>
  );
}

/**
 * 提交说明 and 审核记录: the department's explanation of each warning at its latest submission (what the
 * reviewer weighs), and every step so far, oldest first.
 */
export function SubmissionNotes(props: {
  submission: WorkflowStep | null;
  steps: readonly WorkflowStep[];
  onOpen: (path: DocPath) => void;
}) {
  const explanations = Object.entries(props.submission?.explanations ?? {});
  const items = [
    ...(props.submission === null
      ? []
      : [
          {
            key: 'explanations',
            label: `第 ${props.submission.revisionNo} 版提交说明（${explanations.length}）`,
            children:
              explanations.length === 0 ? (
                <Typography.Text type="secondary">提交时没有需要说明的警告。</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={explanations}
                  renderItem={([key, text]) => (
                    <Explanation key={key} findingKey={key} text={text} onOpen={props.onOpen} />
                  )}
                />
              ),
          },
        ]),
    ...(props.steps.length === 0
      ? []
      : [
          {
            key: 'steps',
            label: `审核记录（${props.steps.length}）`,
            children: (
              <Timeline
                items={props.steps.map((s) => ({
                  children: (
                    <div>
                      <Typography.Text strong>{s.actionLabel}</Typography.Text> 第 {s.revisionNo} 版 ·{' '}
                      <Person label={s.actor} /> · {when(s.at)}
                      {s.comment === null ? null : <div className="jx-comment-body">{s.comment}</div>}
                    </div>
                  ),
                }))}
              />
            ),
          },
        ]),
  ];
  if (items.length === 0) return null;
  return <Collapse size="small" ghost items={items} data-testid="submission-notes" />;
}
