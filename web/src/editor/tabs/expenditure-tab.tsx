import { Typography } from 'antd';
import { economicName } from '../../../../src/domain/reference/economic-classification.js';
import { getIn } from '../document.js';
import { useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { EconomicCodeSelect } from '../economic-code-select.js';
import { AmountField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';
import { amountText } from '../../format.js';

const B = ['basicExpenditure'] as const;

function StandardName(props: { path: readonly (string | number)[] }) {
  const code = useEditorSelect((e) => getIn(e.doc, [...props.path, 'code']));
  const name = typeof code === 'string' ? economicName(code) : undefined;
  return <Typography.Text type="secondary">{name ?? '—'}</Typography.Text>;
}

/** The detail lines of an expenditure (basic or project) by economic code. */
export function LinesTable(props: { path: readonly (string | number)[]; testId: string }) {
  return (
    <RowsTable
      path={props.path}
      testId={props.testId}
      addLabel="添加明细行"
      newRow={() => ({ code: '', amount: '0' })}
      columns={[
        { title: '经济分类科目', width: 260, render: (p) => <EconomicCodeSelect path={[...p, 'code']} /> },
        { title: '标准名称', width: 180, render: (p) => <StandardName path={p} /> },
        { title: '报告中的名称（可选）', render: (p) => <TextField path={[...p, 'label']} label="名称" optional /> },
        { title: '金额', width: 200, render: (p) => <AmountField path={[...p, 'amount']} label="金额" /> },
      ]}
    />
  );
}

/** 基本支出: budget, actual, carried forward and the detail lines. */
export function ExpenditureTab() {
  // Renders again when the figures change, not on every keystroke.
  const a = useEditorSelect((e) => e.figures?.amounts, sameValue);
  const unit = useEditorSelect((e) => e.unit);
  return (
    <>
      <Section title={`基本支出（${unit}）`}>
        <Fields>
          <Field label="年初预算数">
            <AmountField path={[...B, 'yearStartBudget']} label="基本支出年初预算数" />
          </Field>
          <Field label="实际支出数（决算数）">
            <AmountField path={[...B, 'actual']} label="基本支出实际支出数" />
          </Field>
          <Field label="结转结余（缺省为 0）">
            <AmountField path={[...B, 'carriedForward']} label="基本支出结转结余" optional />
          </Field>
        </Fields>
      </Section>
      <Section
        title="明细支出（按经济分类）"
        extra={
          a === undefined ? null : (
            <Typography.Text data-testid="basic-lines-total">
              明细合计 {amountText(a.basicLinesTotal.value, unit)} · 人员经费 {amountText(a.personnel.value, unit)} ·
              日常公用经费 {amountText(a.publicUse.value, unit)}
            </Typography.Text>
          )
        }
      >
        <LinesTable path={[...B, 'lines']} testId="basic-lines" />
        <Fields>
          <Field label="明细表备注" span={24}>
            <TextField path={[...B, 'linesNote']} label="明细表备注" optional />
          </Field>
        </Fields>
      </Section>
    </>
  );
}
