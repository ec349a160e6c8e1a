import { Table, Tag, Typography } from 'antd';
import {
  AMOUNT_FIGURES,
  PERCENT_FIGURES,
  type AmountFigureKey,
  type PercentFigureKey,
} from '../../../../src/domain/figures/catalog.js';
import { useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { AmountField, PercentField } from '../fields.js';
import { Section } from '../section.js';
import { amountText, percentText } from '../../format.js';

type Row = { key: string; label: string; kind: 'amount' | 'percent' };

const ROWS: Row[] = [
  ...Object.entries(AMOUNT_FIGURES).map(([key, label]) => ({ key, label, kind: 'amount' as const })),
  ...Object.entries(PERCENT_FIGURES).map(([key, label]) => ({ key, label, kind: 'percent' as const })),
];

/** 报告陈述数: the figures the report states, each beside the figure Jixiao computes. */
export function DeclaredTab() {
  // Renders again when the figures change, not on every keystroke.
  const figures = useEditorSelect((e) => e.figures, sameValue);
  const unit = useEditorSelect((e) => e.unit);
  const findingsAt = useEditorSelect((e) => e.findingsAt);
  const computed = (row: Row): string => {
    if (figures === null) return '—';
    return row.kind === 'amount'
      ? amountText(figures.amounts[row.key as AmountFigureKey].value, unit)
      : percentText(figures.percents[row.key as PercentFigureKey]);
  };
  return (
    <Section title="报告中陈述的数字（留空表示报告未陈述）">
      <Typography.Paragraph type="secondary">
        报告中写明的合计、占比、执行率填在这里；系统逐一与计算值核对。
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={ROWS}
        columns={[
          { title: '数字', dataIndex: 'label' },
          {
            title: `报告所述（${unit} / %）`,
            width: 240,
            render: (_, row) =>
              row.kind === 'amount' ? (
                <AmountField path={['declared', row.key]} label={row.label} optional />
              ) : (
                <PercentField path={['declared', row.key]} label={row.label} />
              ),
          },
          { title: '计算值', width: 140, align: 'right', render: (_, row) => computed(row) },
          {
            title: '核对',
            width: 90,
            render: (_, row) => {
              const found = findingsAt.get(`declared.${row.key}`) ?? [];
              if (found.length === 0) return null;
              const error = found.some((f) => f.severity === 'error');
              return <Tag color={error ? 'red' : 'blue'}>{error ? '不符' : '尾差'}</Tag>;
            },
          },
        ]}
      />
    </Section>
  );
}
