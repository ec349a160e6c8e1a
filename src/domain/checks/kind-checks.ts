// Source: issue 10 item 1 (a standalone form or a partial document) and item 9 (optional facts stay optional):
// the document kind decides what must be stated; nothing else is required, and nothing is invented.
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../dataset/form-table.js';
import type { Dataset } from '../dataset/schema.js';
import type { FieldPath, Finding } from '../findings/finding.js';
import { amountText } from '../figures/compare.js';
import type { Check } from './context.js';

type Requirement = { path: FieldPath; label: string; present: (dataset: Dataset) => boolean };

const REPORT_FACTS: readonly Requirement[] = [
  { path: ['department', 'functions'], label: '主要职责', present: (d) => d.department.functions.length > 0 },
  {
    path: ['department', 'budgetScope'],
    label: '纳入部门预算范围的单位',
    present: (d) => d.department.budgetScope !== undefined,
  },
  {
    path: ['department', 'staffing'],
    label: '人员情况（编制与在职人数）',
    present: (d) => d.department.staffing !== undefined,
  },
  { path: ['income'], label: '收入情况（按来源）', present: (d) => d.income !== undefined },
  { path: ['basicExpenditure'], label: '基本支出情况', present: (d) => d.basicExpenditure !== undefined },
  {
    path: ['basicExpenditure', 'threePublic'],
    label: '“三公”经费',
    present: (d) => d.basicExpenditure === undefined || d.basicExpenditure.threePublic !== undefined,
  },
];

const hasForm = (scope: 'department' | 'project') => (d: Dataset) => d.forms.some((f) => f.scope === scope);

const REQUIRED: Readonly<Record<DocumentKind, readonly Requirement[]>> = {
  report: REPORT_FACTS,
  departmentForm: [
    { path: ['forms'], label: '表中内容（资金情况、年度目标、绩效指标等）', present: hasForm('department') },
  ],
  projectForm: [{ path: ['forms'], label: '至少一张项目支出绩效自评表', present: hasForm('project') }],
  finalAccounts: [
    {
      path: ['income'],
      label: '收入或支出决算数',
      present: (d) => d.income !== undefined || d.basicExpenditure !== undefined || d.projects.length > 0,
    },
  ],
};

/** MISSING_FACT: what the document kind requires and the dataset does not state. */
export const checkKindRequirements: Check = ({ dataset }) =>
  REQUIRED[dataset.kind].flatMap((requirement): Finding[] =>
    requirement.present(dataset)
      ? []
      : [
          {
            severity: 'error',
            code: 'MISSING_FACT',
            message: `${DOCUMENT_KIND_LABELS[dataset.kind]}须填写${requirement.label}。`,
            path: requirement.path,
          },
        ],
  );

/**
 * OVER_EXECUTION: spending above the budget it executes (a project above its full-year budget; the department above
 * its available budget). Its own finding, not an identity error: forms print it, and it needs an explanation.
 */
export const checkOverExecution: Check = ({ dataset, figures }) => {
  const unit = dataset.unit;
  const projects = figures.projects.flatMap((p): Finding[] =>
    p.fullYearBudget > 0n && p.actual > p.fullYearBudget
      ? [
          {
            severity: 'warning',
            code: 'OVER_EXECUTION',
            message: `项目“${p.name}”实际支出 ${amountText(p.actual, unit)} 超过全年预算 ${amountText(p.fullYearBudget, unit)}，超支 ${amountText((p.actual - p.fullYearBudget) as typeof p.actual, unit)}，请说明资金来源。`,
            path: ['projects', p.index, 'actual'],
            figures: { actual: amountText(p.actual, unit), budget: amountText(p.fullYearBudget, unit) },
          },
        ]
      : [],
  );
  const spent = figures.amounts.expenditureTotal.value;
  const available = figures.amounts.availableBudgetTotal.value;
  const department =
    projects.length === 0 && !figures.unavailable.has('expenditureTotal') && available > 0n && spent > available
      ? [
          {
            severity: 'warning' as const,
            code: 'OVER_EXECUTION',
            message: `支出决算数 ${amountText(spent, unit)} 超过可用预算 ${amountText(available, unit)}（年初结转 + 年初预算 + 本年追加），请说明资金来源。`,
            path: ['basicExpenditure', 'actual'],
            figures: { actual: amountText(spent, unit), budget: amountText(available, unit) },
          },
        ]
      : [];
  return [...projects, ...department];
};

/** ADJUSTMENT_WITHOUT_REASON: a budget adjustment (追加/调减) with no note saying why. */
export const checkAdjustmentReasons: Check = ({ dataset }) => {
  const unit = dataset.unit;
  const finding = (amount: bigint, path: FieldPath, whose: string): Finding => ({
    severity: 'warning',
    code: 'ADJUSTMENT_WITHOUT_REASON',
    message: `${whose}预算调整 ${amountText(amount as Parameters<typeof amountText>[0], unit)} 未说明原因。`,
    path: [...path, 'note'],
  });
  const department = (dataset.income?.adjustments ?? []).flatMap((a, i) =>
    (a.note ?? '').trim() === '' && a.amount !== 0n ? [finding(a.amount, ['income', 'adjustments', i], '')] : [],
  );
  const projects = dataset.projects.flatMap((p, pi) =>
    p.supplementaryAppropriations.flatMap((a, i) =>
      (a.note ?? '').trim() === '' && a.amount !== 0n
        ? [finding(a.amount, ['projects', pi, 'supplementaryAppropriations', i], `项目“${p.name}”的`)]
        : [],
    ),
  );
  return [...department, ...projects];
};
