import { Card, Descriptions } from 'antd';
import { memo } from 'react';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { MoneyUnit } from '../../../src/domain/money/index.js';
import { amountText, percentText } from '../format.js';

/** 主要数字: the headline figures, recomputed on every keystroke (rendered when they change). */
export const FiguresPanel = memo(function FiguresPanel(props: { figures: Figures | null; unit: MoneyUnit }) {
  const { figures, unit } = props;
  if (figures === null) return <Card size="small" title="主要数字" loading />;
  const a = (key: keyof Figures['amounts']) => amountText(figures.amounts[key].value, unit);
  const p = (key: keyof Figures['percents']) => percentText(figures.percents[key]);
  const progress = figures.paymentProgress?.points ?? [];
  return (
    <Card size="small" title={`主要数字（${unit}）`} data-testid="figures">
      <Descriptions size="small" column={1} colon={false} labelStyle={{ width: 130 }}>
        <Descriptions.Item label="全年预算数">{a('fullYearBudgetTotal')}</Descriptions.Item>
        <Descriptions.Item label="实际预算收入">{a('incomeTotal')}</Descriptions.Item>
        <Descriptions.Item label="支出决算数">{a('expenditureTotal')}</Descriptions.Item>
        <Descriptions.Item label="年末结余">{a('yearEndBalance')}</Descriptions.Item>
        <Descriptions.Item label="部门预算执行率">
          <span data-testid="figure-executionRate">{p('executionRate')}</span>
        </Descriptions.Item>
        <Descriptions.Item label="项目执行率（年初）">
          <span data-testid="figure-projectExecutionRate">{p('projectExecutionRate')}</span>
        </Descriptions.Item>
        <Descriptions.Item label="人员 / 公用经费">
          {p('personnelShare')} / {p('publicUseShare')}
        </Descriptions.Item>
        <Descriptions.Item label="“三公”经费执行率">{p('threePublicExecutionRate')}</Descriptions.Item>
        {progress.length === 0 ? null : (
          <Descriptions.Item label="支付进度">
            {progress.map((pt) => `${pt.month}月 ${percentText(pt.progress)}`).join('，')}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
});
