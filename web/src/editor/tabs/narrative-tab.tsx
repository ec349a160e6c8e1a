import { ParagraphsField, TextField } from '../fields.js';
import { RowsTable } from '../rows-table.js';
import { Field, Fields, Section } from '../section.js';

const N = ['narrative'] as const;

const PROSE = [
  ['budgetOverview', '部门整体预算支出情况（开头说明）'],
  ['projectOverview', '项目支出情况（用途说明）'],
  ['fundManagement', '资金管理情况'],
  ['achievementsIntro', '绩效情况总述'],
  ['problems', '存在的问题及原因分析'],
  ['measures', '下一步改进措施'],
  ['resultsUse', '绩效自评结果拟应用和公开情况'],
  ['other', '其他需要说明的情况'],
] as const;

function SubsectionsTable(props: { path: readonly (string | number)[] }) {
  return (
    <RowsTable
      path={[...props.path, 'subsections']}
      addLabel="添加小标题"
      newRow={() => ({ heading: '', paragraphs: [] })}
      columns={[
        { title: '小标题', width: 240, render: (p) => <TextField path={[...p, 'heading']} label="小标题" /> },
        {
          title: '段落（每行一段）',
          render: (p) => <ParagraphsField path={[...p, 'paragraphs']} label="段落" rows={2} />,
        },
      ]}
    />
  );
}

/** 文字部分: the prose that is not generated from figures. */
export function NarrativeTab() {
  return (
    <>
      <Section title="绩效情况（分标题）">
        <RowsTable
          path={[...N, 'achievements']}
          addLabel="添加标题"
          newRow={() => ({ heading: '', paragraphs: [] })}
          expand={(p) => <SubsectionsTable path={p} />}
          columns={[
            { title: '标题', width: 280, render: (p) => <TextField path={[...p, 'heading']} label="标题" /> },
            {
              title: '段落（每行一段）',
              render: (p) => <ParagraphsField path={[...p, 'paragraphs']} label="段落" rows={1} />,
            },
          ]}
        />
      </Section>
      <Section title="其他各节">
        <Fields>
          {PROSE.map(([key, label]) => (
            <Field key={key} label={label} span={12}>
              <ParagraphsField path={[...N, key]} label={label} rows={3} />
            </Field>
          ))}
        </Fields>
      </Section>
    </>
  );
}
