import { Button, Empty, Tag } from 'antd';
import { getIn } from '../document.js';
import { useEditorActions, useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { AmountField, PercentField, SelectField } from '../fields.js';
import { choicesOf, PAYMENT_BASES, PAYMENT_SCOPES } from '../labels.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';
import { amountText, percentText } from '../../format.js';

const P = ['paymentProgress'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 月末` }));

function MonthSelect(props: { path: readonly (string | number)[] }) {
  const { set } = useEditorActions();
  const month = useEditorSelect((e) => getIn(e.doc, props.path));
  return (
    <div data-path={props.path.join('.')}>
      <select
        aria-label="月份"
        className="jx-native-select"
        value={typeof month === 'number' ? String(month) : ''}
        onChange={(e) => set(props.path, Number(e.target.value))}
      >
        {MONTHS.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Progress(props: { index: number }) {
  const month = useEditorSelect((e) => getIn(e.doc, [...P, 'points', props.index, 'month']));
  const point = useEditorSelect((e) => e.figures?.paymentProgress?.points.find((p) => p.month === month), sameValue);
  if (point === undefined) return <span>—</span>;
  return (
    <span>
      {percentText(point.progress)} / 序时 {percentText(point.schedule)}{' '}
      {point.behind ? <Tag color="orange">滞后</Tag> : <Tag color="green">达标</Tag>}
    </span>
  );
}

/** 支付进度: cumulative payments at checkpoints, against the schedule (序时进度). */
export function PaymentTab() {
  // Each part read on its own: the page renders when one of them changes, not on every keystroke.
  const { set } = useEditorActions();
  const unit = useEditorSelect((e) => e.unit);
  const readOnly = useEditorSelect((e) => e.readOnly);
  const baseAmount = useEditorSelect((e) => e.figures?.paymentProgress?.baseAmount);
  const has = useEditorSelect((e) => getIn(e.doc, P) !== undefined);
  if (!has)
    return (
      <Empty description="尚未填报支付进度">
        <Button
          type="primary"
          disabled={readOnly}
          onClick={() =>
            set(P, {
              scope: 'project',
              base: 'fullYearBudget',
              points: [3, 6, 9, 12].map((month) => ({ month, cumulativePercent: '0' })),
            })
          }
        >
          按季度添加支付进度
        </Button>
      </Empty>
    );
  return (
    <Section
      title="支付进度"
      extra={
        baseAmount === undefined ? null : (
          <span>
            进度分母 {amountText(baseAmount, unit)} {unit}
          </span>
        )
      }
    >
      <Fields>
        <Field label="统计口径">
          <SelectField path={[...P, 'scope']} label="统计口径" options={choicesOf(PAYMENT_SCOPES)} />
        </Field>
        <Field label="进度分母">
          <SelectField path={[...P, 'base']} label="进度分母" options={choicesOf(PAYMENT_BASES)} />
        </Field>
      </Fields>
      <RowsTable
        path={[...P, 'points']}
        minRows={1}
        addLabel="添加节点"
        newRow={() => ({ month: 12, cumulativePercent: '0' })}
        columns={[
          { title: '截至', width: 120, render: (p) => <MonthSelect path={[...p, 'month']} /> },
          {
            title: `累计支付金额（${unit}，与进度二选一）`,
            render: (p) => <AmountField path={[...p, 'cumulativePaid']} label="累计支付金额" optional />,
          },
          {
            title: '累计支付进度（%）',
            width: 160,
            render: (p) => <PercentField path={[...p, 'cumulativePercent']} label="累计支付进度" />,
          },
          { title: '进度 / 序时', width: 230, render: (_, i) => <Progress index={i} /> },
        ]}
      />
    </Section>
  );
}
