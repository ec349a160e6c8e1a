import { ACHIEVEMENTS, DIRECTIONS, LEVEL1, LEVEL2 } from '../../../../src/domain/dataset/indicators.js';
import { getIn, listAt } from '../document.js';
import { sameItems, useEditorSelect } from '../editor-context.js';
import { CheckField, SelectField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';
import { SelfEvaluationSection } from './self-evaluation-section.js';

function Level2Select(props: { path: readonly (string | number)[] }) {
  const level1 = useEditorSelect((e) => getIn(e.doc, [...props.path, 'level1']));
  const options = typeof level1 === 'string' && level1 in LEVEL2 ? LEVEL2[level1 as keyof typeof LEVEL2] : [];
  return <SelectField path={[...props.path, 'level2']} label="二级指标" options={options} />;
}

function ProjectSelect(props: { path: readonly (string | number)[] }) {
  const names = useEditorSelect(
    (e) =>
      listAt(e.doc, ['projects'])
        .map((p) => getIn(p, ['name']))
        .filter((n): n is string => typeof n === 'string' && n !== ''),
    sameItems,
  );
  return <SelectField path={[...props.path, 'project']} label="所属项目" options={names} optional />;
}

function IndicatorDetails(props: { path: readonly (string | number)[] }) {
  const p = props.path;
  return (
    <Fields>
      <Field label="所属项目（缺省为部门整体）" span={8}>
        <ProjectSelect path={p} />
      </Field>
      <Field label="年度指标值（定性描述）" span={8}>
        <TextField path={[...p, 'targetText']} label="定性目标" optional />
      </Field>
      <Field label="完成程度（定性）" span={8}>
        <SelectField path={[...p, 'achievement']} label="完成程度" options={ACHIEVEMENTS} optional />
      </Field>
      <Field label="完成依据" span={12}>
        <TextField path={[...p, 'evidence']} label="完成依据" optional />
      </Field>
      <Field label="偏差原因分析及改进措施" span={12}>
        <TextField path={[...p, 'deviationReason']} label="偏差原因" optional />
      </Field>
      <Field label="自评表所填得分" span={8}>
        <TextField path={[...p, 'declaredScore']} label="所填得分" optional />
      </Field>
      <Field label="目标值系推定" span={8}>
        <CheckField path={[...p, 'targetAssumed']} label="原报告未列目标值" />
      </Field>
    </Fields>
  );
}

/** 绩效指标: level-3 indicators with target, actual and weight; the rest in the expanded row. */
export function IndicatorsTab() {
  return (
    <>
      <SelfEvaluationSection />
      <Section title="绩效指标（三级）">
        <RowsTable
          path={['indicators']}
          testId="indicators"
          minWidth={860}
          addLabel="添加指标"
          newRow={() => ({ level1: '产出', level2: '数量', name: '', direction: '≥', weight: '0' })}
          expand={(p) => <IndicatorDetails path={p} />}
          columns={[
            {
              title: '一级',
              width: 84,
              render: (p) => <SelectField path={[...p, 'level1']} label="一级指标" options={LEVEL1} />,
            },
            { title: '二级', width: 108, render: (p) => <Level2Select path={p} /> },
            { title: '三级指标', render: (p) => <TextField path={[...p, 'name']} label="三级指标" /> },
            {
              title: '性质',
              width: 72,
              render: (p) => <SelectField path={[...p, 'direction']} label="指标性质" options={DIRECTIONS} />,
            },
            {
              title: '目标值',
              width: 88,
              render: (p) => <TextField path={[...p, 'target']} label="目标值" optional />,
            },
            { title: '单位', width: 72, render: (p) => <TextField path={[...p, 'unit']} label="单位" optional /> },
            {
              title: '实际值',
              width: 88,
              render: (p) => <TextField path={[...p, 'actual']} label="实际值" optional />,
            },
            { title: '分值', width: 64, render: (p) => <TextField path={[...p, 'weight']} label="分值" /> },
          ]}
        />
      </Section>
    </>
  );
}
