import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import type { Figures } from '../../../src/domain/figures/compute.js';
import { detectProblems } from '../../../src/domain/problems/detect-problems.js';
import type { Problem } from '../../../src/domain/problems/problem.js';
import { packForDataset, nationalPack } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { listAt } from './document.js';
import { useEditor } from './editor-context.js';

const PROBLEMS_PATH = ['narrative', 'problems'] as const;

/** Rejections are a reviewer's choice for this browser; they are not part of the dataset. */
function useRejected(datasetId: number) {
  const key = `jixiao:rejected-problems:${datasetId}`;
  const [rejected, setRejected] = useState<string[]>(() => {
    try {
      return JSON.parse(window.localStorage.getItem(key) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const update = (next: string[]) => {
    setRejected(next);
    window.localStorage.setItem(key, JSON.stringify(next));
  };
  return { rejected, update };
}

const problemId = (p: Problem) => `${p.code}:${p.path.join('.')}`;

function ProblemItem(props: {
  problem: Problem;
  accepted: boolean;
  onAccept: (text: string) => void;
  onReject: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.problem.message);
  return (
    <List.Item
      data-testid="problem"
      actions={
        props.accepted
          ? [
              <Tag key="ok" color="green">
                已采纳
              </Tag>,
            ]
          : [
              <Button key="accept" type="primary" size="small" onClick={() => props.onAccept(text)}>
                采纳
              </Button>,
              <Button key="edit" size="small" onClick={() => setEditing(!editing)}>
                {editing ? '完成编辑' : '编辑'}
              </Button>,
              <Button key="reject" size="small" danger onClick={props.onReject}>
                不采纳
              </Button>,
            ]
      }
    >
      <div style={{ flex: 1 }}>
        <Tag>{props.problem.code}</Tag>
        {editing ? (
          <Input.TextArea value={text} autoSize onChange={(e) => setText(e.target.value)} aria-label="问题表述" />
        ) : (
          <Typography.Text>{text}</Typography.Text>
        )}
      </div>
    </List.Item>
  );
}

/**
 * 存在的问题: problems drafted from the figures. Accepting one (as drafted or edited) adds it to the report's
 * section 四 (narrative.problems); rejecting hides it here.
 */
export function ProblemsTab(props: { datasetId: number; dataset: Dataset | null; figures: Figures | null }) {
  const editor = useEditor();
  const { rejected, update } = useRejected(props.datasetId);
  const [acceptedIds, setAcceptedIds] = useState<string[]>([]);
  const { dataset, figures } = props;
  const problems = useMemo(() => {
    if (dataset === null || figures === null) return [];
    const pack = packForDataset(dataset.rulePack) ?? nationalPack();
    return detectProblems(dataset, figures, pack.problems);
  }, [dataset, figures]);
  const written = listAt(editor.doc, PROBLEMS_PATH).filter((t): t is string => typeof t === 'string');
  const accept = (text: string) => editor.set(PROBLEMS_PATH, [...written.filter((t) => t.trim() !== ''), text]);
  if (dataset === null) return <Alert type="warning" showIcon message="数据有错误，修正后识别问题。" />;
  const shown = problems.filter((p) => !rejected.includes(problemId(p)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={`识别出的问题（${shown.length}）`}>
        {shown.length === 0 ? (
          <Empty description="未识别出问题" />
        ) : (
          <List
            dataSource={shown}
            renderItem={(p) => (
              <ProblemItem
                key={problemId(p)}
                problem={p}
                accepted={acceptedIds.includes(problemId(p)) || written.includes(p.message)}
                onAccept={(text) => {
                  accept(text);
                  setAcceptedIds([...acceptedIds, problemId(p)]);
                }}
                onReject={() => update([...rejected, problemId(p)])}
              />
            )}
          />
        )}
        {rejected.length === 0 ? null : (
          <Button type="link" onClick={() => update([])}>
            恢复 {rejected.length} 条未采纳的问题
          </Button>
        )}
      </Card>
      <Card size="small" title="报告“四、存在的问题及原因分析”现有内容">
        {written.filter((t) => t.trim() !== '').length === 0 ? (
          <Typography.Text type="secondary">（空）</Typography.Text>
        ) : (
          written.map((t, i) => <Typography.Paragraph key={i}>{t}</Typography.Paragraph>)
        )}
      </Card>
    </Space>
  );
}
