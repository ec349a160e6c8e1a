import { Table, Typography } from 'antd';
import { choicesOf, PARTS } from '../labels.js';
import { AmountField, DateField, SelectField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Section } from '../section.js';
import { useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { amountText } from '../../format.js';

/** 收入: actual income by source, and budget adjustments that belong to no project. */
export function IncomeTab() {
  // Renders again when the figures change, not on every keystroke.
  const total = useEditorSelect((e) => e.figures?.amounts, sameValue);
  const unit = useEditorSelect((e) => e.unit);
  return (
    <>
      <Section title={`实际预算收入（${unit}）`}>
        <RowsTable
          path={['income', 'sources']}
          addLabel="添加收入来源"
          minRows={1}
          newRow={() => ({ source: '', basic: '0', project: '0' })}
          columns={[
            { title: '收入来源', render: (p) => <TextField path={[...p, 'source']} label="收入来源" /> },
            { title: '基本支出收入', render: (p) => <AmountField path={[...p, 'basic']} label="基本支出收入" /> },
            { title: '项目支出收入', render: (p) => <AmountField path={[...p, 'project']} label="项目支出收入" /> },
          ]}
          summary={
            total === undefined ? undefined : (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计 {amountText(total.incomeTotal.value, unit)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {amountText(total.incomeBasic.value, unit)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {amountText(total.incomeProject.value, unit)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} />
              </Table.Summary.Row>
            )
          }
        />
      </Section>
      <Section title="预算调整（不属于具体项目）">
        <Typography.Paragraph type="secondary">项目的追加预算请在“项目”页该项目下填写。</Typography.Paragraph>
        <RowsTable
          path={['income', 'adjustments']}
          addLabel="添加预算调整"
          newRow={() => ({ part: 'basic', amount: '0' })}
          columns={[
            {
              title: '口径',
              width: 140,
              render: (p) => <SelectField path={[...p, 'part']} label="口径" options={choicesOf(PARTS)} />,
            },
            { title: '金额（调减为负）', render: (p) => <AmountField path={[...p, 'amount']} label="调整金额" /> },
            { title: '日期', width: 170, render: (p) => <DateField path={[...p, 'date']} label="调整日期" /> },
            { title: '说明', render: (p) => <TextField path={[...p, 'note']} label="说明" optional /> },
          ]}
        />
      </Section>
    </>
  );
}
