import { SelectField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';

const S = ['selfEvaluation'] as const;

/** 自评表 facts that are not indicators: overall targets, the low-execution explanation, the form's own scores. */
export function SelfEvaluationSection() {
  return (
    <Section title="自评表（年度总体目标与所填得分）">
      <RowsTable
        path={[...S, 'annualTargets']}
        addLabel="添加年度总体目标"
        newRow={() => ({ target: '', actual: '' })}
        columns={[
          { title: '年度总体目标', render: (p) => <TextField path={[...p, 'target']} label="年度总体目标" /> },
          { title: '实际完成情况', render: (p) => <TextField path={[...p, 'actual']} label="实际完成情况" /> },
        ]}
      />
      <Fields>
        <Field label="预算执行率偏低的原因说明" span={24}>
          <TextField path={[...S, 'executionExplanation']} label="执行率偏低原因" optional />
        </Field>
        <Field label="自评表所填执行率得分">
          <TextField path={[...S, 'declaredExecutionScore']} label="所填执行率得分" optional />
        </Field>
        <Field label="自评表所填总分">
          <TextField path={[...S, 'declaredTotal']} label="所填总分" optional />
        </Field>
        <Field label="自评表所填等级">
          <SelectField path={[...S, 'declaredGrade']} label="所填等级" options={['优', '良', '中', '差']} optional />
        </Field>
      </Fields>
    </Section>
  );
}
