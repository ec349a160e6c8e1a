import { Button, Table } from 'antd';
import { getIn } from '../document.js';
import { useEditorActions, useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { AmountField } from '../fields.js';
import { Section } from '../section.js';
import { amountText, percentText } from '../../format.js';

const T = ['basicExpenditure', 'threePublic'] as const;
const ITEMS = [
  ['overseasTravel', '因公出国（境）费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行维护费'],
  ['reception', '公务接待费'],
] as const;

/** 三公经费: budget and actual of each item; 公务用车购置 is optional. */
export function ThreePublicTab() {
  // Each part read on its own: the page renders when one of them changes, not on every keystroke.
  const { set } = useEditorActions();
  const figures = useEditorSelect((e) => e.figures, sameValue);
  const unit = useEditorSelect((e) => e.unit);
  const readOnly = useEditorSelect((e) => e.readOnly);
  const hasPurchase = useEditorSelect((e) => getIn(e.doc, [...T, 'vehiclePurchase']) !== undefined);
  const rows = ITEMS.filter(([key]) => key !== 'vehiclePurchase' || hasPurchase);
  const rateOf = (key: string) => figures?.threePublic.find((t) => t.key === key)?.executionRate ?? null;
  return (
    <Section
      title={`“三公”经费（${unit}）`}
      extra={
        !hasPurchase ? (
          <Button disabled={readOnly} onClick={() => set([...T, 'vehiclePurchase'], { budget: '0', actual: '0' })}>
            添加公务用车购置费
          </Button>
        ) : (
          <Button disabled={readOnly} onClick={() => set([...T, 'vehiclePurchase'], undefined)}>
            删除公务用车购置费
          </Button>
        )
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey={([key]) => key}
        dataSource={rows}
        columns={[
          { title: '项目', render: (_, [, label]) => label },
          { title: '预算数', render: (_, [key]) => <AmountField path={[...T, key, 'budget']} label="预算数" /> },
          { title: '决算数', render: (_, [key]) => <AmountField path={[...T, key, 'actual']} label="决算数" /> },
          { title: '执行率', width: 110, align: 'right', render: (_, [key]) => percentText(rateOf(key)) },
        ]}
        summary={() =>
          figures === null ? null : (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                {amountText(figures.amounts.threePublicBudget.value, unit)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                {amountText(figures.amounts.threePublicActual.value, unit)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {percentText(figures.percents.threePublicExecutionRate)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Section>
  );
}
