import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import type { Figures } from '../../../src/domain/figures/compute.js';
import { detectProblems } from '../../../src/domain/problems/detect-problems.js';
import {
  keptProblemTexts,
  reviewProblems,
  type ProblemDecision,
  type ProblemReview,
  type ReviewedProblem,
} from '../../../src/domain/problems/problem-reviews.js';
import { packForDataset, nationalPack } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { getIn, listAt } from './document.js';
import { useEditorActions, useEditorSelect } from './editor-context.js';

const REVIEWS_PATH = ['narrative', 'problemReviews'] as const;
const OWN_PATH = ['narrative', 'problems'] as const;

const DECISION_TAG: Readonly<Record<ProblemDecision, { label: string; color: string }>> = {
  pending: { label: '待审阅', color: 'default' },
  accepted: { label: '已采纳', color: 'green' },
  edited: { label: '修改后采纳', color: 'blue' },
  rejected: { label: '不采纳', color: 'red' },
};

/** The reviews as the document holds them (only well-formed ones; the schema reports the rest). */
function reviewsIn(doc: unknown): ProblemReview[] {
  return listAt(doc, REVIEWS_PATH).filter(
    (r): r is ProblemReview => typeof r === 'object' && r !== null && typeof (r as ProblemReview).key === 'string',
  );
}

function ProblemItem(props: {
  problem: ReviewedProblem;
  onReview: (review: Omit<ProblemReview, 'key'> | null) => void;
}) {
  const { problem, onReview } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(problem.text);
  const tag = DECISION_TAG[problem.decision];
  const actions = editing
    ? [
        <Button
          key="save"
          type="primary"
          size="small"
          onClick={() => (onReview({ decision: 'edited', text }), setEditing(false))}
        >
          保存修改并采纳
        </Button>,
        <Button key="cancel" size="small" onClick={() => setEditing(false)}>
          取消
        </Button>,
      ]
    : [
        <Button
          key="accept"
          data-testid="problem-accept"
          type="primary"
          size="small"
          disabled={problem.decision === 'accepted'}
          onClick={() => onReview({ decision: 'accepted' })}
        >
          采纳
        </Button>,
        <Button key="edit" size="small" onClick={() => (setText(problem.text), setEditing(true))}>
          编辑
        </Button>,
        <Button
          key="reject"
          data-testid="problem-reject"
          size="small"
          danger
          disabled={problem.decision === 'rejected'}
          onClick={() => onReview({ decision: 'rejected' })}
        >
          不采纳
        </Button>,
        ...(problem.decision === 'pending'
          ? []
          : [
              <Button key="undo" size="small" type="link" onClick={() => onReview(null)}>
                撤销
              </Button>,
            ]),
      ];
  return (
    <List.Item data-testid="problem" data-decision={problem.decision} actions={actions}>
      <div style={{ flex: 1 }}>
        <Tag color={tag.color}>{tag.label}</Tag>
        {editing ? (
          <Input.TextArea value={text} autoSize onChange={(e) => setText(e.target.value)} aria-label="问题表述" />
        ) : (
          <Typography.Text delete={problem.decision === 'rejected'}>{problem.text}</Typography.Text>
        )}
      </div>
    </List.Item>
  );
}

/**
 * 存在的问题: problems drafted from the figures. The user's decisions are saved in the dataset
 * (narrative.problemReviews): accepted and edited problems are printed in section 四, before the user's own text.
 */
export function ProblemsTab(props: { datasetId: number; dataset: Dataset | null; figures: Figures | null }) {
  // The document, kept while the two parts this page shows are the same (not rendered again on every keystroke).
  const doc = useEditorSelect(
    (e) => e.doc,
    (a, b) => getIn(a, REVIEWS_PATH) === getIn(b, REVIEWS_PATH) && getIn(a, OWN_PATH) === getIn(b, OWN_PATH),
  );
  const { set } = useEditorActions();
  const { dataset, figures } = props;
  const problems = useMemo(() => {
    if (dataset === null || figures === null) return [];
    const pack = packForDataset(dataset.rulePack) ?? nationalPack();
    return detectProblems(dataset, figures, pack.problems);
  }, [dataset, figures]);
  if (dataset === null) return <Alert type="warning" showIcon message="数据有错误，修正后识别问题。" />;
  const reviews = reviewsIn(doc);
  const reviewed = reviewProblems(problems, reviews);
  const stale = reviews.filter((r) => !problems.some((p) => p.key === r.key));
  const setReview = (key: string, review: Omit<ProblemReview, 'key'> | null) =>
    set(REVIEWS_PATH, [...reviews.filter((r) => r.key !== key), ...(review === null ? [] : [{ key, ...review }])]);
  const own = listAt(doc, OWN_PATH).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const printed = [...keptProblemTexts(reviewed).map((t, i) => `${i + 1}、${t}`), ...own];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={`识别出的问题（${reviewed.length}）`}>
        {reviewed.length === 0 ? (
          <Empty description="未识别出问题" />
        ) : (
          <List
            dataSource={reviewed}
            renderItem={(p) => <ProblemItem key={p.key} problem={p} onReview={(r) => setReview(p.key, r)} />}
          />
        )}
        {stale.length === 0 ? null : (
          <Alert
            type="warning"
            showIcon
            message={`${stale.length} 条审阅所指的问题已不再出现（数据已变化）`}
            action={
              <Button
                size="small"
                onClick={() =>
                  set(
                    REVIEWS_PATH,
                    reviews.filter((r) => !stale.includes(r)),
                  )
                }
              >
                清除
              </Button>
            }
          />
        )}
      </Card>
      <Card size="small" title="报告“四、存在的问题及原因分析”将印出">
        {printed.length === 0 ? (
          <Typography.Text type="secondary">（空：请采纳问题，或在“文字部分”填写）</Typography.Text>
        ) : (
          printed.map((t, i) => <Typography.Paragraph key={i}>{t}</Typography.Paragraph>)
        )}
      </Card>
    </Space>
  );
}
