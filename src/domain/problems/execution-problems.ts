// Source: standards.md §3: 预算执行率 = 实际支出 ÷ 预算数, on the year-start and on the full-year budget; a rate
// below the threshold (default 90 %) is a problem. Each sentence names the basis it uses. A zero budget has no rate.
import { ratio, type Fen, type Percent } from '../money/index.js';
import type { ExecutionBasis } from '../scoring/rule-pack.js';
import {
  amtFigure,
  amtText,
  pctFigure,
  pctText,
  type ProblemDraft,
  type ProblemCode,
  type ProblemContext,
} from './problem.js';
import { lateSupplementaryIndexes } from './balance-problems.js';
import { AMOUNT_FIGURE_KEYS, type AmountFigureKey } from '../figures/catalog.js';
import { printedFigures } from '../figures/printed-figures.js';

const BASIS = {
  yearStartBudget: { label: '年初预算口径', budget: '年初预算' },
  fullYearBudget: { label: '全年预算口径', budget: '全年预算' },
} as const;

type Subject = {
  code: ProblemCode;
  title: string;
  executed: Fen;
  budgets: Record<ExecutionBasis, Fen>;
  path: (string | number)[];
  tail?: string;
  projectIndex?: number;
};

function rateProblems(subject: Subject, context: ProblemContext): ProblemDraft[] {
  const { dataset, options } = context;
  const unit = dataset.unit;
  const threshold = options.executionRateThreshold;
  const seen = new Set<bigint>();
  return options.executionBases.flatMap((basis): ProblemDraft[] => {
    const budget = subject.budgets[basis];
    const rate: Percent | null = ratio(subject.executed, budget);
    if (rate === null || rate >= threshold) return [];
    const sameOnBoth = subject.budgets.yearStartBudget === subject.budgets.fullYearBudget;
    if (seen.has(rate) && sameOnBoth) return [];
    seen.add(rate);
    const label = sameOnBoth ? '' : `（${BASIS[basis].label}）`;
    const message =
      `${subject.title}预算执行率${label}为${pctText(rate)}（实际支出${amtText(subject.executed, unit)} ÷ ${BASIS[basis].budget}${amtText(budget, unit)}），` +
      `低于${pctText(threshold)}${subject.tail ?? ''}。`;
    return [
      {
        code: subject.code,
        message,
        figures: {
          basis,
          rate: pctFigure(rate),
          threshold: pctFigure(threshold),
          executed: amtFigure(subject.executed, unit),
          budget: amtFigure(budget, unit),
        },
        path: subject.path,
        ...(subject.projectIndex === undefined ? {} : { projectIndex: subject.projectIndex }),
      },
    ];
  });
}

/** Department-level amounts as the report prints them (a stated figure within rounding of the computed one). */
function departmentSubjects({ dataset, figures }: ProblemContext): Subject[] {
  const printed = printedFigures(dataset, figures);
  const a = Object.fromEntries(AMOUNT_FIGURE_KEYS.map((key) => [key, { value: printed.amount(key) }])) as Record<
    AmountFigureKey,
    { value: Fen }
  >;
  return [
    {
      code: 'DEPARTMENT_EXECUTION_RATE_LOW',
      title: '部门整体',
      executed: a.expenditureTotal.value,
      budgets: { yearStartBudget: a.yearStartBudgetTotal.value, fullYearBudget: a.fullYearBudgetTotal.value },
      path: ['basicExpenditure'],
    },
    {
      code: 'BASIC_EXECUTION_RATE_LOW',
      title: '基本支出',
      executed: a.expenditureBasic.value,
      budgets: { yearStartBudget: a.basicYearStartBudget.value, fullYearBudget: a.basicFullYearBudget.value },
      path: ['basicExpenditure', 'actual'],
    },
    {
      code: 'PROJECTS_EXECUTION_RATE_LOW',
      title: '项目支出',
      executed: a.expenditureProject.value,
      budgets: { yearStartBudget: a.projectYearStartBudget.value, fullYearBudget: a.projectFullYearBudget.value },
      path: ['projects'],
      tail: '，预算数与决算数存在较大差距',
    },
  ];
}

/** Department total, basic expenditure, projects as a whole, and each project. */
export function detectLowExecution(context: ProblemContext): ProblemDraft[] {
  const { figures, dataset } = context;
  const late = lateSupplementaryIndexes(context);
  const subjects = departmentSubjects(context);
  for (const p of figures.projects) {
    // A project whose shortfall is a supplementary appropriation that came too late is reported as that instead.
    const onlyYearStart = late.has(p.index);
    const tail = p.returnedToTreasury > 0n ? `，${amtText(p.returnedToTreasury, dataset.unit)}上缴财政` : '';
    subjects.push({
      code: 'PROJECT_EXECUTION_RATE_LOW',
      title: p.name,
      executed: p.actual,
      budgets: {
        yearStartBudget: p.yearStartBudget,
        fullYearBudget: onlyYearStart ? p.yearStartBudget : p.fullYearBudget,
      },
      path: ['projects', p.index],
      tail,
      projectIndex: p.index,
    });
  }
  return subjects.flatMap((s) => rateProblems(s, context));
}
