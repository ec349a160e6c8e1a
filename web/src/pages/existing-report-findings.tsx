import { List, Tag, Typography } from 'antd';
import type { AuditAnswer, AuditFindingWire } from '../api/types.js';

const VERDICTS: Readonly<Record<AuditFindingWire['verdict'], { label: string; color: string }>> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  rounding: { label: '舍入差异', color: 'blue' },
  info: { label: '提示', color: 'default' },
};

/** 报告所述 / 应为 / 相差, when the finding compares a stated figure with the computed one. */
function comparison(f: AuditFindingWire): string | null {
  const declared = f.figures?.['declared'];
  const computed = f.figures?.['computed'];
  if (declared === undefined || computed === undefined) return null;
  const difference = f.figures?.['difference'];
  return `报告所述 ${declared}，应为 ${computed}${difference === undefined ? '' : `，相差 ${difference}`}`;
}

/** What does not add up in an existing report, each with where it is and the words quoted; codes folded away. */
export function ExistingReportFindings(props: { answer: AuditAnswer }) {
  const findings = props.answer.findings;
  if (findings.length === 0) return <Typography.Text type="success">未发现不一致之处。</Typography.Text>;
  return (
    <List
      size="small"
      header={`核对发现（${findings.length} 条）`}
      dataSource={findings}
      style={{ maxHeight: 260, overflowY: 'auto' }}
      data-testid="import-report-findings"
      renderItem={(f, i) => (
        <List.Item key={i}>
          <div>
            <Tag color={VERDICTS[f.verdict].color}>{VERDICTS[f.verdict].label}</Tag>
            {f.message}
            {comparison(f) === null ? null : <div>{comparison(f)}</div>}
            {f.place === undefined ? null : <Typography.Text type="secondary">位置：{f.place}</Typography.Text>}
            {f.quote === undefined || f.quote === '' ? null : (
              <div>
                <Typography.Text type="secondary">原文：“{f.quote}”</Typography.Text>
              </div>
            )}
            <details className="jx-tech">
              <summary>技术信息</summary>
              <code>{f.code}</code> <code>{f.pathText}</code>
            </details>
          </div>
        </List.Item>
      )}
    />
  );
}
