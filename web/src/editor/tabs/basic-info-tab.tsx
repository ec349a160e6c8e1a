import { Button, Input, Select, Typography } from 'antd';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '../../../../src/domain/dataset/form-table.js';
import { getIn } from '../document.js';
import { documentKind } from '../part-presence.js';
import { CountField, ParagraphsField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';
import { useEditorActions, useEditorSelect, useEditorStore } from '../editor-context.js';

const D = ['department'] as const;

const departmentName = (doc: unknown): string => {
  const name = getIn(doc, [...D, 'name']);
  return typeof name === 'string' ? name : '';
};
const S = [...D, 'staffing'] as const;

/** 基本情况: the department, its functions, units and staffing. */
export function BasicInfoTab() {
  // Each part read on its own: the page renders when one of them changes, not on every keystroke.
  const store = useEditorStore();
  const { set } = useEditorActions();
  const unit = useEditorSelect((e) => e.unit);
  const readOnly = useEditorSelect((e) => e.readOnly);
  const kind = useEditorSelect((e) => documentKind(e.doc));
  const fiscalYear = useEditorSelect((e) => String(e.doc['fiscalYear']));
  const hasScope = useEditorSelect((e) => getIn(e.doc, [...D, 'budgetScope']) !== undefined);
  const hasStaffing = useEditorSelect((e) => getIn(e.doc, [...D, 'staffing']) !== undefined);
  /** A part this document does not print: said so, with a way to add it. */
  const absent = (key: 'budgetScope' | 'staffing', what: string, value: () => unknown) =>
    !(key === 'budgetScope' ? hasScope : hasStaffing) ? (
      <Typography.Paragraph type="secondary" data-testid={`absent-${key}`}>
        本文档未列{what}。{' '}
        <Button size="small" disabled={readOnly} onClick={() => set([...D, key], value())}>
          添加{what}
        </Button>
      </Typography.Paragraph>
    ) : null;
  return (
    <>
      <Section title="部门">
        <Fields>
          <Field label="部门名称（全称）" span={12}>
            <TextField path={[...D, 'name']} label="部门名称" />
          </Field>
          <Field label="简称" span={6}>
            <TextField path={[...D, 'shortName']} label="简称" optional />
          </Field>
          <Field label="文档类型" span={12}>
            <div data-path="kind">
              <Select
                aria-label="文档类型"
                style={{ width: '100%' }}
                value={kind}
                disabled={readOnly}
                options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
                onChange={(kind) => set(['kind'], kind)}
              />
            </div>
          </Field>
          <Field label="预算年度 / 金额单位" span={6}>
            <Input value={`${fiscalYear} 年 · ${unit}`} disabled aria-label="预算年度与金额单位" />
          </Field>
          <Field label="机构性质">
            <TextField path={[...D, 'kind']} label="机构性质" optional placeholder="区政府工作部门" />
          </Field>
          <Field label="机构规格">
            <TextField path={[...D, 'level']} label="机构规格" optional placeholder="正科级" />
          </Field>
          <Field label="预算编码">
            <TextField path={[...D, 'code']} label="预算编码" optional />
          </Field>
          <Field label="上级（主管）部门">
            <TextField path={[...D, 'parent']} label="上级部门" optional />
          </Field>
          <Field label="批复预算的财政部门">
            <TextField path={[...D, 'financeBureau']} label="财政部门" optional />
          </Field>
          <Field label="联系人">
            <TextField path={[...D, 'contact']} label="联系人" optional />
          </Field>
          <Field label="概述" span={24}>
            <ParagraphsField path={[...D, 'intro']} label="概述" rows={2} />
          </Field>
          <Field label="主要职责（每行一条）" span={24}>
            <ParagraphsField path={[...D, 'functions']} label="主要职责" rows={4} />
          </Field>
        </Fields>
      </Section>
      <Section title="内设机构">
        <RowsTable
          path={[...D, 'internalUnits']}
          addLabel="添加内设机构"
          newRow={() => ({ name: '', kind: '职能科室' })}
          columns={[
            { title: '名称', render: (p) => <TextField path={[...p, 'name']} label="机构名称" /> },
            { title: '类别', render: (p) => <TextField path={[...p, 'kind']} label="机构类别" /> },
          ]}
        />
      </Section>
      <Section title="预算范围">
        {absent('budgetScope', '预算范围', () => ({ units: [departmentName(store.get().doc)] })) ?? (
          <Fields>
            <Field label="纳入部门预算范围的单位（每行一个）" span={12}>
              <ParagraphsField path={[...D, 'budgetScope', 'units']} label="预算单位" rows={2} />
            </Field>
            <Field label="说明" span={12}>
              <TextField path={[...D, 'budgetScope', 'note']} label="预算范围说明" optional />
            </Field>
          </Fields>
        )}
      </Section>
      <Section title="人员情况">
        {absent('staffing', '人员情况', () => ({ authorizedPosts: [], inPost: 0 })) ?? <Staffing />}
      </Section>
    </>
  );
}

function Staffing() {
  return (
    <>
      <RowsTable
        path={[...S, 'authorizedPosts']}
        addLabel="添加编制类型"
        newRow={() => ({ kind: '行政编制', count: 0 })}
        columns={[
          { title: '编制类型', render: (p) => <TextField path={[...p, 'kind']} label="编制类型" /> },
          { title: '编制数', width: 160, render: (p) => <CountField path={[...p, 'count']} label="编制数" /> },
        ]}
      />
      <Fields>
        {(
          [
            ['inPost', '在职在编人数'],
            ['recruitedTalent', '人才引进'],
            ['hiredStaff', '雇员'],
            ['dispatchedWorkers', '劳务派遣'],
            ['retirees', '退休人数'],
          ] as const
        ).map(([key, label]) => (
          <Field key={key} label={label} span={4}>
            <CountField path={[...S, key]} label={label} />
          </Field>
        ))}
      </Fields>
    </>
  );
}
