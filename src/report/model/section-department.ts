import type { Dataset } from '../../domain/dataset/schema.js';
import { chineseCount } from './format.js';
import type { Block, ReportSection } from './types.js';

type Department = Dataset['department'];

/** "内设办公室、政策法规科…四个职能科室和政务服务中心一个二级机构。" — units grouped by kind, in order of first appearance. */
export function internalUnitsSentence(department: Department): string | null {
  if (department.internalUnits.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const unit of department.internalUnits) groups.set(unit.kind, [...(groups.get(unit.kind) ?? []), unit.name]);
  const parts = [...groups].map(([kind, names]) => `${names.join('、')}${chineseCount(names.length)}个${kind}`);
  return `${department.shortName ?? department.name}内设${parts.join('和')}。`;
}

/** "总编制数13人，其中行政编制5人，事业编制8人。全局现有在职在编干部职工13人，人才引进1人，…" (zero counts omitted). */
export function staffingSentence(department: Department): string {
  const s = department.staffing;
  if (s === undefined) return '';
  const total = s.authorizedPosts.reduce((n, p) => n + p.count, 0);
  const kinds = s.authorizedPosts.map((p) => `${p.kind}${p.count}人`).join('，');
  const posts = `总编制数${total}人${kinds === '' ? '' : `，其中${kinds}`}。`;
  const whole = (department.shortName ?? department.name).endsWith('局') ? '全局' : '全单位';
  const extras = [
    ['人才引进', s.recruitedTalent],
    ['雇员', s.hiredStaff],
    ['劳务派遣人员', s.dispatchedWorkers],
    ['退休人员', s.retirees],
  ] as const;
  const others = extras.filter(([, n]) => n > 0).map(([label, n]) => `，${label}${n}人`);
  return `${posts}${whole}现有在职在编干部职工${s.inPost}人${others.join('')}。`;
}

function budgetScopeSentence(dataset: Dataset): string {
  const scope = dataset.department.budgetScope;
  if (scope === undefined) return '';
  return scope.note ?? `纳入${dataset.fiscalYear}年部门预算范围的单位为：${scope.units.join('、')}。`;
}

/** 一、部门（单位）基本情况: intro, 主要职责 (numbered), budget scope, internal units and staffing. */
export function departmentSection(dataset: Dataset): ReportSection {
  const department = dataset.department;
  const units = internalUnitsSentence(department);
  const blocks: Block[] = [
    ...department.intro.filter((p) => p.trim() !== '').map((text): Block => ({ kind: 'paragraph', text })),
    ...department.functions.map((f, i): Block => ({ kind: 'paragraph', text: `${i + 1}、${f}` })),
    { kind: 'paragraph', text: budgetScopeSentence(dataset) },
    { kind: 'paragraph', text: `${units ?? ''}${staffingSentence(department)}` },
  ];
  return {
    id: 'department',
    heading: '一、部门（单位）基本情况',
    blocks: blocks.filter((block) => block.kind !== 'paragraph' || block.text !== ''),
  };
}
