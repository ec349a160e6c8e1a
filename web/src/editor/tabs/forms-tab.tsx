import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Popconfirm, Tag, Typography } from 'antd';
import type { FormEvaluation } from '../../../../src/domain/forms/evaluate-forms.js';
import { formatPoints } from '../../../../src/domain/scoring/points.js';
import { appendAt, getIn, listAt, removeAt, type DocPath } from '../document.js';
import { useEditorActions, useEditorSelect } from '../editor-context.js';
import { SelectField, TextField } from '../fields.js';
import { documentKind } from '../part-presence.js';
import { RowsTable } from '../rows-table.js';
import { explanationText } from '../score-tab.js';
import { Field, Fields, Section } from '../section.js';
import { FormIndicators, FundsBlock } from './form-blocks.js';

const SCOPES = [
  { value: 'department', label: '部门整体支出绩效自评表' },
  { value: 'project', label: '项目支出绩效自评表' },
];
const GRADES = ['优', '良', '中', '差'];
const GRADE_COLOR: Readonly<Record<string, string>> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

/** 总分 and 等级 as the form prints them, beside the score under the dataset's rule pack. */
function Totals(props: { path: DocPath; evaluation: FormEvaluation | undefined }) {
  const score = props.evaluation?.score;
  return (
    <Fields>
      <Field label="总分（表填）" span={6}>
        <TextField path={[...props.path, 'declaredTotal']} label="表中所填总分" optional />
      </Field>
      <Field label="等级（表填）" span={6}>
        <SelectField path={[...props.path, 'declaredGrade']} label="表中所填等级" options={GRADES} optional />
      </Field>
      <Field label="总分 · 等级（按评分规则计算）" span={12}>
        {score === undefined ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span data-testid="form-total">
            <strong>{formatPoints(score.total)} 分</strong>{' '}
            <Tag color={GRADE_COLOR[score.grade] ?? 'default'}>{score.grade}</Tag>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {explanationText(score.totalExplanation.text)}
            </Typography.Paragraph>
          </span>
        )}
      </Field>
    </Fields>
  );
}

/** One 自评表: its head, funds block, annual targets, indicator grid and totals. */
function FormTable(props: { index: number; evaluation: FormEvaluation | undefined }) {
  // Each part read on its own: the table renders when one of them changes, not on every keystroke.
  const { set, update } = useEditorActions();
  const unit = useEditorSelect((e) => e.unit);
  const readOnly = useEditorSelect((e) => e.readOnly);
  const path = ['forms', props.index];
  const scope = useEditorSelect((e) =>
    getIn(e.doc, [...path, 'scope']) === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表',
  );
  const name = useEditorSelect((e) => getIn(e.doc, [...path, 'name']));
  const hasFunds = useEditorSelect((e) => getIn(e.doc, [...path, 'funds']) !== undefined);
  return (
    <Section
      title={`${scope}：${typeof name === 'string' && name !== '' ? name : '（未填名称）'}`}
      extra={
        <Popconfirm
          title="删除这张自评表？"
          okText="删除"
          cancelText="取消"
          onConfirm={() => update((d) => removeAt(d, ['forms'], props.index))}
        >
          <Button danger size="small" disabled={readOnly}>
            删除此表
          </Button>
        </Popconfirm>
      }
    >
      <div data-testid="form-table" data-path={path.join('.')}>
        <Fields>
          <Field label="表式" span={8}>
            <SelectField path={[...path, 'scope']} label="表式" options={SCOPES} />
          </Field>
          <Field label={scope === '部门整体支出绩效自评表' ? '部门名称' : '项目名称'} span={16}>
            <TextField path={[...path, 'name']} label="项目名称" />
          </Field>
          <Field label="项目编码">
            <TextField path={[...path, 'code']} label="项目编码" optional />
          </Field>
          <Field label="主管部门">
            <TextField path={[...path, 'department']} label="主管部门" optional />
          </Field>
          <Field label="实施单位">
            <TextField path={[...path, 'implementer']} label="实施单位" optional />
          </Field>
        </Fields>
        <Typography.Title level={5}>资金情况</Typography.Title>
        {!hasFunds ? (
          <Button disabled={readOnly} onClick={() => set([...path, 'funds'], { rows: [] })}>
            添加资金情况
          </Button>
        ) : (
          <FundsBlock path={[...path, 'funds']} evaluation={props.evaluation} unit={unit} />
        )}
        <Typography.Title level={5}>年度总体目标</Typography.Title>
        <RowsTable
          path={[...path, 'annualTargets']}
          addLabel="添加目标"
          newRow={() => ({ target: '' })}
          columns={[
            { title: '年度总体目标', render: (p) => <TextField path={[...p, 'target']} label="年度总体目标" /> },
            {
              title: '实际完成情况',
              render: (p) => <TextField path={[...p, 'actual']} label="实际完成情况" optional />,
            },
          ]}
        />
        <Typography.Title level={5}>绩效指标</Typography.Title>
        <FormIndicators path={path} evaluation={props.evaluation} />
        <Typography.Title level={5}>总分与等级</Typography.Title>
        <Totals path={path} evaluation={props.evaluation} />
      </div>
    </Section>
  );
}

/** 自评表: the tables as the form prints them (a form document's content, a report's annexes), each scored. */
export function FormsTab() {
  const { update } = useEditorActions();
  const readOnly = useEditorSelect((e) => e.readOnly);
  const forms = useEditorSelect((e) => e.forms);
  const count = useEditorSelect((e) => listAt(e.doc, ['forms']).length);
  const scope = useEditorSelect((e) => (documentKind(e.doc) === 'departmentForm' ? 'department' : 'project'));
  const add = () =>
    update((d) => appendAt(d, ['forms'], { scope, name: '', funds: { rows: [] }, annualTargets: [], indicators: [] }));
  return (
    <>
      <Descriptions size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="说明">
          按表中所印填写：金额照录，指标值照写（如“≥95%”“完成”）；“计算”列为按评分规则算出的执行率与得分。
        </Descriptions.Item>
      </Descriptions>
      {count === 0 ? <Empty description="本文档没有自评表" /> : null}
      {Array.from({ length: count }, (_, index) => (
        <FormTable key={index} index={index} evaluation={forms.find((f) => f.index === index)} />
      ))}
      <Button type="dashed" block icon={<PlusOutlined />} disabled={readOnly} onClick={add}>
        添加自评表
      </Button>
    </>
  );
}
