// A pure function of the web app, tested here because this project (web/e2e) is the one that runs web code.
import { describe, expect, it } from 'vitest';
import { changeLines } from '../src/editor/change-lines.js';

const base = {
  schemaVersion: 1,
  fiscalYear: 2020,
  unit: '万元',
  department: { name: '雨花区行政审批服务局', contact: '张三', functions: ['甲'] },
  projects: [
    { name: '政务服务', yearStartBudget: '300', actual: '240', carriedForward: '0' },
    { name: '热线', yearStartBudget: '100', actual: '77.49' },
  ],
  narrative: { problemReviews: [] as unknown[] },
  declared: { expenditureTotal: '840.74', executionRate: '84.87' },
};
const text = (after: unknown) => changeLines(base, after).map((l) => l.text);

describe('changeLines (修改摘要)', () => {
  it('names a project row by its name and prints amounts with two decimals', () => {
    const after = structuredClone(base);
    after.projects[0] = { ...after.projects[0]!, actual: '244.71' };
    expect(text(after)).toEqual(['项目“政务服务”实际支出：240.00 → 244.71']);
  });

  it('names fields outside rows by page and label, and stated figures by their Chinese names', () => {
    const after = structuredClone(base);
    after.department.contact = '李四';
    after.declared = { expenditureTotal: '840.75', executionRate: '84.9' };
    expect(text(after)).toEqual([
      '基本情况 · 联系人：张三 → 李四',
      '报告陈述数 · 支出决算数：840.74 → 840.75',
      '报告陈述数 · 部门预算执行率（全年预算口径）：84.87% → 84.9%',
    ]);
  });

  it('lists added and removed rows, cleared fields and choices in words, never a path or an English value', () => {
    const after = structuredClone(base);
    after.projects = [
      after.projects[0]!,
      { ...after.projects[1]!, name: '热线' },
      { name: '新项目', yearStartBudget: '1', actual: '0' },
    ];
    delete (after.projects[0] as Record<string, unknown>)['carriedForward'];
    after.narrative.problemReviews = [{ key: 'PAYMENT_PROGRESS_BEHIND:$.x', decision: 'accepted' }];
    const lines = text(after);
    expect(lines).toEqual([
      '项目“政务服务”结转结余：已清空（原为 0.00）',
      '新增项目“新项目”',
      '新增问题审阅第 1 条（采纳）',
    ]);
    for (const line of lines) expect(line).not.toMatch(/\$\.|[A-Za-z]{3,}/);
  });

  it('gives nothing for equal documents', () => {
    expect(changeLines(base, structuredClone(base))).toEqual([]);
  });
});
