import { describe, expect, it } from 'vitest';
import { hunanDepartmentForm, mofProjectForm } from '../domain/forms/form-fixtures.js';
import { formsToJson } from '../domain/forms/to-json.js';
import { selfEvaluate } from '../domain/self-evaluation-table/self-evaluate.js';
import { builtinPack, formDataset } from '../report/testing/form-dataset.js';
import { formTablesText } from './form-table-text.js';

const evaluated = (kind: 'projectForm' | 'departmentForm', pack: string, form: typeof mofProjectForm) => {
  const dataset = formDataset(kind, pack, [form()]);
  return { dataset, evaluation: selfEvaluate(dataset, builtinPack(pack)) };
};

describe('a 自评表 in the terminal', () => {
  it('prints the MoF project table as the form prints it: funds columns, targets, grid, 总分 and 等级', () => {
    const { dataset, evaluation } = evaluated('projectForm', 'national', mofProjectForm);
    const text = formTablesText(evaluation.forms, dataset.unit, dataset.fiscalYear);
    expect(text).toContain('（2020年度）项目支出绩效自评表');
    expect(text).toContain('项目名称：农村饮水安全巩固提升工程');
    expect(text).toContain('主管部门：某县水利局    实施单位：某县农村供水管理站');
    expect(text).toMatch(/年初预算数\s+全年预算数\s+全年执行数\s+分值\s+执行率\s+得分/);
    expect(text).toMatch(/年度资金总额\s+500\.00\s+600\.00\s+578\.60\s+10\.00\s+96\.43%\s+9\.64/);
    expect(text).toMatch(/其他资金\s+0\.00\s+0\.00\s+0\.00\s+—\s+0\.00%/);
    expect(text).toContain('预期目标：新建供水管网 120 公里');
    expect(text).toContain('产出 / 成本 / 工程总成本：≤600万元 → 578.6万元，分值 10.00，得分 10.00');
    expect(text).toContain('总分 99.64    等级 优');
  });

  it('prints only the columns the form has, and a printed score that differs beside the computed one', () => {
    const form = () => ({ ...hunanDepartmentForm(), declaredTotal: '96.49' });
    const { dataset, evaluation } = evaluated('departmentForm', 'hunan', form);
    const text = formTablesText(evaluation.forms, dataset.unit, dataset.fiscalYear);
    expect(text).toContain('（2020年度）部门整体支出绩效自评表');
    expect(text).toContain('部门资金（金额单位：万元；执行率按可用预算数');
    expect(text).toContain('总分 95.49（表填 96.49）');
    const guizhou = formDataset('departmentForm', 'guizhou', [
      { ...hunanDepartmentForm(), funds: { rows: [{ source: '基本支出', yearStartBudget: '10', actual: '9' }] } },
    ]);
    const only = formTablesText(selfEvaluate(guizhou, builtinPack('guizhou')).forms, '万元', 2020);
    expect(only).toMatch(/年初预算数\s+全年执行数\s+分值/);
    expect(only).not.toContain('全年预算数');
  });
});

describe('forms as JSON', () => {
  it('gives amounts, rates and points as decimal strings', () => {
    const { evaluation } = evaluated('projectForm', 'national', mofProjectForm);
    const [form] = formsToJson(evaluation.forms, '万元');
    expect(form).toMatchObject({ scope: 'project', name: '农村饮水安全巩固提升工程', total: '99.64', grade: '优' });
    expect(form?.funds?.total).toMatchObject({
      fullYearBudget: '600.00',
      actual: '578.60',
      rate: '96.43',
      score: '9.64',
    });
    expect(form?.funds?.rows[2]).toMatchObject({ source: '其他资金', rate: '0.00', zeroOverZero: true });
    expect(form?.indicators[0]).toMatchObject({ name: '新建供水管网长度', weight: '15.00', score: '15.00' });
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });
});
