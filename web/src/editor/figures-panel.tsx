import { Card, Descriptions } from 'antd';
import { memo } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import { amountText, percentText } from '../format.js';
import { useEditorSelect } from './editor-context.js';

type Text = (figures: Figures, unit: MoneyUnit) => string;
const amount =
  (key: keyof Figures['amounts']): Text =>
  (figures, unit) =>
    amountText(figures.amounts[key].value, unit);
const percent =
  (key: keyof Figures['percents']): Text =>
  (figures) =>
    percentText(figures.percents[key]);

/**
 * One figure's text, read from the editor's last valid figures: it renders when its text changes, not the whole
 * panel on every analysis (a keystroke changes one or two of these).
 */
const Figure = memo(function Figure(props: { text: Text; testId?: string }) {
  const text = useEditorSelect((e) => (e.figures === null ? '' : props.text(e.figures, e.unit)));
  return props.testId === undefined ? text : <span data-testid={props.testId}>{text}</span>;
});

const personnel: Text = (f) => `${percentText(f.percents.personnelShare)} / ${percentText(f.percents.publicUseShare)}`;
const progress: Text = (f) =>
  (f.paymentProgress?.points ?? []).map((pt) => `${pt.month}月 ${percentText(pt.progress)}`).join('，');
const ITEMS: readonly { label: string; text: Text; testId?: string }[] = [
  { label: '全年预算数', text: amount('fullYearBudgetTotal') },
  { label: '实际预算收入', text: amount('incomeTotal') },
  { label: '支出决算数', text: amount('expenditureTotal') },
  { label: '年末结余', text: amount('yearEndBalance') },
  { label: '部门预算执行率', text: percent('executionRate'), testId: 'figure-executionRate' },
  { label: '项目执行率（年初）', text: percent('projectExecutionRate'), testId: 'figure-projectExecutionRate' },
  { label: '人员 / 公用经费', text: personnel },
  { label: '“三公”经费执行率', text: percent('threePublicExecutionRate') },
];

/** 主要数字: the headline figures of the editor's document, recomputed on every keystroke. */
export const FiguresPanel = memo(function FiguresPanel() {
  const ready = useEditorSelect((e) => e.figures !== null);
  const unit = useEditorSelect((e) => e.unit);
  const hasProgress = useEditorSelect((e) => (e.figures?.paymentProgress?.points.length ?? 0) > 0);
  if (!ready) return <Card size="small" title="主要数字" loading />;
  return (
    <Card size="small" title={`主要数字（${unit}）`} data-testid="figures">
      <Descriptions size="small" column={1} colon={false} labelStyle={{ width: 130 }}>
        {ITEMS.map((item) => (
          <Descriptions.Item key={item.label} label={item.label}>
            <Figure text={item.text} testId={item.testId} />
          </Descriptions.Item>
        ))}
        {hasProgress ? (
          <Descriptions.Item label="支付进度">
            <Figure text={progress} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
});
