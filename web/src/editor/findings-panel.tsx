import { Badge, Card, Empty, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { countBySeverity, type Finding, type Severity } from '../../../src/domain/findings/finding.js';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../format.js';
import { describePath } from './field-labels.js';

type Filter = Severity | 'all';

/**
 * 审核发现: the checks' findings as the user types; each one is a link to the field its JSON path names.
 */
export function FindingsPanel(props: {
  findings: readonly Finding[];
  stale: boolean;
  onOpen: (finding: Finding) => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const counts = countBySeverity(props.findings);
  const shown = filter === 'all' ? props.findings : props.findings.filter((f) => f.severity === filter);
  return (
    <Card
      size="small"
      title={
        <span>
          审核发现 <Badge count={counts.error} color="red" showZero={false} />{' '}
          <Badge count={counts.warning} color="orange" showZero={false} />
        </span>
      }
      data-testid="findings"
    >
      <Segmented<Filter>
        size="small"
        block
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `全部 ${props.findings.length}` },
          { value: 'error', label: `错误 ${counts.error}` },
          { value: 'warning', label: `警告 ${counts.warning}` },
          { value: 'info', label: `提示 ${counts.info}` },
        ]}
      />
      {props.stale ? (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          有字段未通过校验，右侧数字为最近一次有效输入的计算结果。
        </Typography.Paragraph>
      ) : null}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'all' ? '没有发现问题' : '此类没有发现'} />
      ) : (
        <List
          size="small"
          dataSource={shown}
          style={{ maxHeight: '52vh', overflowY: 'auto' }}
          renderItem={(finding, index) => (
            <List.Item key={`${finding.code}-${index}`} data-testid="finding" data-code={finding.code}>
              <button type="button" className="jx-finding" onClick={() => props.onOpen(finding)}>
                <Tag color={SEVERITY_COLOR[finding.severity]}>{SEVERITY_LABEL[finding.severity]}</Tag>
                <span className="jx-finding-message">{finding.message}</span>
                {/* Where, in words; the code and the JSON path are for programs (data-code). */}
                <span className="jx-finding-path">{describePath(finding.path)}</span>
              </button>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
