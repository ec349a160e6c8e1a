import { Tag, Typography } from 'antd';
import { useEditorSelect } from '../editor-context.js';
import { sameValue } from '../same-value.js';
import { AmountField, CheckField, DateField, PercentField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';
import { amountText, percentText } from '../../format.js';
import { LinesTable } from './expenditure-tab.js';

function ComputedRate(props: { index: number }) {
  const unit = useEditorSelect((e) => e.unit);
  const p = useEditorSelect((e) => e.figures?.projects[props.index], sameValue);
  if (p === undefined) return <span>—</span>;
  return (
    <div style={{ textAlign: 'right' }}>
      <Typography.Text
        strong
        title={`全年预算 ${amountText(p.fullYearBudget, unit)}`}
        data-testid={`project-rate-${props.index}`}
      >
        {percentText(p.executionRateYearStart ?? p.executionRate)}
      </Typography.Text>
      <div style={{ fontSize: 12, color: '#888' }}>全年口径 {percentText(p.executionRate)}</div>
    </div>
  );
}

/** 项目预算执行率, both bases. */
function ProjectExecutionRate() {
  const percents = useEditorSelect((e) => e.figures?.percents, sameValue);
  if (percents === undefined) return null;
  return (
    <span>
      项目预算执行率 <Tag color="blue">{percentText(percents.projectExecutionRate)}</Tag>
      （全年预算口径 {percentText(percents.projectExecutionRateFullYear)}）
    </span>
  );
}

/** One project's further fields: supplementary appropriations, new-project flag, note. */
function ProjectDetails(props: { path: readonly (string | number)[] }) {
  return (
    <div style={{ padding: '4px 0' }}>
      <Typography.Text strong>追加（调整）预算</Typography.Text>
      <RowsTable
        path={[...props.path, 'supplementaryAppropriations']}
        addLabel="添加追加预算"
        newRow={() => ({ amount: '0' })}
        columns={[
          { title: '金额（调减为负）', render: (p) => <AmountField path={[...p, 'amount']} label="追加金额" /> },
          { title: '下达日期', width: 170, render: (p) => <DateField path={[...p, 'date']} label="下达日期" /> },
          { title: '说明', render: (p) => <TextField path={[...p, 'note']} label="说明" optional /> },
        ]}
      />
      <Fields>
        <Field label="说明（如未支付的原因）" span={18}>
          <TextField path={[...props.path, 'note']} label="项目说明" optional />
        </Field>
        <Field label="本年度新增专项" span={6}>
          <CheckField path={[...props.path, 'isNew']} label="新增" />
        </Field>
      </Fields>
    </div>
  );
}

/** 项目: each project's budget, spending and where the rest went (全年预算 = 实际 + 上缴 + 结转结余). */
export function ProjectsTab() {
  // Only the unit: the figures change on every keystroke and are read by the small parts that show them.
  const unit = useEditorSelect((e) => e.unit);
  return (
    <>
      <Section title={`项目（${unit}）`} extra={<ProjectExecutionRate />}>
        <RowsTable
          path={['projects']}
          testId="projects"
          minWidth={860}
          addLabel="添加项目"
          newRow={() => ({ name: '', yearStartBudget: '0', actual: '0', returnedToTreasury: '0', carriedForward: '0' })}
          expand={(p) => <ProjectDetails path={p} />}
          columns={[
            { title: '项目名称', fixed: true, render: (p) => <TextField path={[...p, 'name']} label="项目名称" /> },
            {
              title: '年初预算',
              width: 112,
              render: (p) => <AmountField path={[...p, 'yearStartBudget']} label="年初预算" />,
            },
            { title: '实际支出', width: 112, render: (p) => <AmountField path={[...p, 'actual']} label="实际支出" /> },
            { title: '执行率（计算）', width: 96, render: (_, index) => <ComputedRate index={index} /> },
            {
              title: '报告所述执行率',
              width: 88,
              render: (p) => <PercentField path={[...p, 'declared', 'executionRate']} label="报告所述执行率" />,
            },
            {
              title: '上缴财政',
              width: 112,
              render: (p) => <AmountField path={[...p, 'returnedToTreasury']} label="上缴财政" optional />,
            },
            {
              title: '结转结余',
              width: 112,
              render: (p) => <AmountField path={[...p, 'carriedForward']} label="结转结余" optional />,
            },
          ]}
        />
      </Section>
      <Section title="项目支出明细（按经济分类）">
        <LinesTable path={['projectExpenditure', 'lines']} testId="project-lines" />
      </Section>
    </>
  );
}
