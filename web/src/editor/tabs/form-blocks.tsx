import { Typography } from 'antd';
import type { FormEvaluation } from '../../../../src/domain/forms/evaluate-forms.js';
import type { FundsLine } from '../../../../src/domain/forms/funds-block.js';
import { formatPoints, type Points } from '../../../../src/domain/scoring/points.js';
import { percentText } from '../../format.js';
import type { DocPath } from '../document.js';
import { AmountField, PercentField, SelectField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields } from '../section.js';
import { explanationText } from '../score-tab.js';

/** What Jixiao computes for a line, beside what the form printed: "97.50% · 9.75 分", and "占 86.17%" when asked. */
function Computed(props: {
  rate?: FundsLine['rate'] | undefined;
  score: Points | null | undefined;
  share?: FundsLine['share'] | undefined;
  title?: string;
}) {
  const parts = [
    ...(props.rate === undefined ? [] : [percentText(props.rate)]),
    props.score === null || props.score === undefined ? '—' : `${formatPoints(props.score)} 分`,
    ...(props.share === undefined || props.share === null ? [] : [`占 ${percentText(props.share)}`]),
  ];
  return (
    <Typography.Text type="secondary" title={props.title} data-testid="form-computed">
      {parts.join(' · ')}
    </Typography.Text>
  );
}

/** 资金情况: one row per source as printed, the printed 年度资金总额 row, and the computed rate and score. */
export function FundsBlock(props: { path: DocPath; evaluation: FormEvaluation | undefined; unit: string }) {
  const funds = props.evaluation?.score.funds ?? null;
  const rowLine = (index: number) => funds?.rows.find((r) => r.index === index);
  const total = [...props.path, 'declaredTotal'];
  return (
    <>
      <RowsTable
        path={[...props.path, 'rows']}
        testId="form-funds"
        addLabel="添加资金来源"
        newRow={() => ({ source: '' })}
        columns={[
          { title: '资金来源', render: (p) => <TextField path={[...p, 'source']} label="资金来源" /> },
          {
            title: `年初预算数（${props.unit}）`,
            width: 118,
            render: (p) => <AmountField path={[...p, 'yearStartBudget']} label="年初预算数" optional />,
          },
          {
            title: '全年预算数',
            width: 118,
            render: (p) => <AmountField path={[...p, 'fullYearBudget']} label="全年预算数" optional />,
          },
          {
            title: '全年执行数',
            width: 118,
            render: (p) => <AmountField path={[...p, 'actual']} label="全年执行数" optional />,
          },
          { title: '分值', width: 72, render: (p) => <TextField path={[...p, 'weight']} label="分值" optional /> },
          {
            title: '执行率（表填）',
            width: 96,
            render: (p) => <PercentField path={[...p, 'declaredRate']} label="表中所填执行率" />,
          },
          {
            title: '得分（表填）',
            width: 76,
            render: (p) => <TextField path={[...p, 'declaredScore']} label="表中所填得分" optional />,
          },
          {
            title: '占比（表填）',
            width: 88,
            render: (p) => <PercentField path={[...p, 'declaredShare']} label="表中所填占比" />,
          },
          {
            title: '执行率 · 得分 · 占比（计算）',
            width: 150,
            render: (_, i) => {
              const line = rowLine(i);
              return (
                <Computed
                  rate={line?.rate ?? null}
                  score={line?.score}
                  share={line?.share}
                  title={line?.explanation === null ? undefined : explanationText(line?.explanation?.text ?? '')}
                />
              );
            },
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        年度资金总额（表中所印）
      </Typography.Text>
      <Fields>
        {(
          [
            ['yearStartBudget', '年初预算数'],
            ['fullYearBudget', '全年预算数'],
            ['actual', '全年执行数'],
          ] as const
        ).map(([key, label]) => (
          <Field key={key} label={label} span={4}>
            <AmountField path={[...total, key]} label={`年度资金总额${label}`} optional />
          </Field>
        ))}
        <Field label="分值" span={3}>
          <TextField path={[...total, 'weight']} label="年度资金总额分值" optional />
        </Field>
        <Field label="执行率" span={3}>
          <PercentField path={[...total, 'rate']} label="年度资金总额执行率" />
        </Field>
        <Field label="得分" span={3}>
          <TextField path={[...total, 'score']} label="年度资金总额得分" optional />
        </Field>
        <Field label="计算" span={3}>
          <div data-testid="form-funds-total">
            <Computed
              rate={funds?.total.rate ?? null}
              score={funds?.score}
              title={funds?.total.explanation == null ? undefined : explanationText(funds.total.explanation.text)}
            />
          </div>
        </Field>
        <Field label="预算调整原因" span={24}>
          <TextField path={[...props.path, 'adjustmentReason']} label="预算调整原因" optional />
        </Field>
      </Fields>
    </>
  );
}

const DIRECTIONS = [
  { value: '≥', label: '≥（越高越好）' },
  { value: '≤', label: '≤（越低越好）' },
  { value: '=', label: '＝（等于目标）' },
  { value: '定性', label: '定性' },
];
const LINKS = [
  { value: 'executionRate', label: '预算执行率' },
  { value: 'cost', label: '成本' },
];

/** 绩效指标（照表）: the grid as printed, with the score Jixiao computes for each row. */
export function FormIndicators(props: { path: DocPath; evaluation: FormEvaluation | undefined }) {
  const scoreOf = (index: number) => props.evaluation?.score.indicators[index];
  return (
    <RowsTable
      path={[...props.path, 'indicators']}
      testId="form-indicators"
      addLabel="添加指标"
      newRow={() => ({ level1: '产出', level2: '数量', name: '' })}
      columns={[
        { title: '一级指标', width: 84, render: (p) => <TextField path={[...p, 'level1']} label="一级指标" /> },
        {
          title: '二级指标',
          width: 84,
          render: (p) => <TextField path={[...p, 'level2']} label="二级指标" optional />,
        },
        { title: '三级指标', render: (p) => <TextField path={[...p, 'name']} label="三级指标" /> },
        {
          title: '年度指标值',
          width: 112,
          render: (p) => <TextField path={[...p, 'target']} label="年度指标值" optional />,
        },
        {
          title: '实际完成值',
          width: 112,
          render: (p) => <TextField path={[...p, 'actual']} label="实际完成值" optional />,
        },
        { title: '分值', width: 68, render: (p) => <TextField path={[...p, 'weight']} label="分值" optional /> },
        {
          title: '得分（表填）',
          width: 76,
          render: (p) => <TextField path={[...p, 'declaredScore']} label="表中所填得分" optional />,
        },
        {
          title: '得分（计算）',
          width: 80,
          render: (_, i) => {
            const s = scoreOf(i);
            return (
              <Computed score={s?.score} title={s === undefined ? undefined : explanationText(s.explanation.text)} />
            );
          },
        },
      ]}
      expand={(p) => (
        <Fields>
          <Field label="指标性质（空则按指标值推断）">
            <SelectField path={[...p, 'direction']} label="指标性质" options={DIRECTIONS} optional />
          </Field>
          <Field label="关联计算数">
            <SelectField path={[...p, 'linksTo']} label="关联计算数" options={LINKS} optional />
          </Field>
          <Field label="偏差原因分析及改进措施" span={24}>
            <TextField path={[...p, 'deviationReason']} label="偏差原因分析及改进措施" optional />
          </Field>
        </Fields>
      )}
    />
  );
}
