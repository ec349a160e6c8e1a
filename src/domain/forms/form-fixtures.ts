// Test fixtures: 自评表 constructed as each province prints them, complete and consistent, with the figures the
// form would print under the right pack (checked in score-form.test.ts). Not imported by production code.
import type { z } from 'zod';
import { formTableSchema, type FormTable } from '../dataset/form-table.js';

export type FormInput = z.input<ReturnType<typeof formTableSchema>>;
type IndicatorRow = NonNullable<FormInput['indicators']>[number];

export function formOf(input: FormInput): FormTable {
  return formTableSchema('万元').parse(input);
}

const row = (
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  weight: string,
  extra: Partial<IndicatorRow> = {},
): IndicatorRow => ({
  level1,
  level2,
  name,
  target,
  actual,
  weight,
  declaredScore: weight,
  ...extra,
});

/** MoF 2020 项目支出绩效自评表: 当年财政拨款 / 上年结转资金 / 其他资金 rows, the last 0 ÷ 0 → 0.00 %. */
export function mofProjectForm(): FormInput {
  return {
    scope: 'project',
    name: '农村饮水安全巩固提升工程',
    department: '某县水利局',
    implementer: '某县农村供水管理站',
    funds: {
      rows: [
        {
          source: '当年财政拨款',
          yearStartBudget: '500',
          fullYearBudget: '520',
          actual: '498.6',
          declaredRate: '95.88',
        },
        { source: '上年结转资金', fullYearBudget: '80', actual: '80', declaredRate: '100' },
        { source: '其他资金', yearStartBudget: '0', fullYearBudget: '0', actual: '0', declaredRate: '0.00' },
      ],
      declaredTotal: {
        yearStartBudget: '500',
        fullYearBudget: '600',
        actual: '578.6',
        weight: '10',
        rate: '96.43',
        score: '9.64',
      },
      adjustmentReason: '年中追加水源地保护资金 20 万元。',
    },
    annualTargets: [
      { target: '新建供水管网 120 公里，水质达标率 95% 以上。', actual: '新建供水管网 126 公里，水质达标率 97.5%。' },
    ],
    indicators: [
      row('产出', '数量', '新建供水管网长度', '≥120公里', '126公里', '15'),
      row('产出', '质量', '水质达标率', '≥95%', '97.5%', '15'),
      row('产出', '时效', '工程完工及时率', '100%', '100%', '10'),
      row('产出', '成本', '工程总成本', '≤600万元', '578.6万元', '10'),
      row('效益', '社会', '受益人口', '≥3.2万人', '3.35万人', '15'),
      row('效益', '可持续影响', '工程长效运行', '有效保障', '有效保障', '15'),
      row('满意度', '服务对象满意度', '受益群众满意度', '≥90%', '93%', '10'),
    ],
    declaredTotal: '99.64',
    declaredGrade: '优',
  };
}

/** Hubei 项目支出绩效自评表 with a 20-point execution score; rate = 全年执行数 ÷ 全年预算数. */
export function hubeiProjectForm(): FormInput {
  return {
    scope: 'project',
    name: '乡村学校少年宫建设',
    funds: {
      rows: [
        { source: '财政资金', yearStartBudget: '200', fullYearBudget: '180', actual: '171.3', declaredRate: '95.17' },
      ],
      declaredTotal: {
        yearStartBudget: '200',
        fullYearBudget: '180',
        actual: '171.3',
        weight: '20',
        rate: '95.17',
        score: '19.03',
      },
      adjustmentReason: '两所学校建设内容调整，收回 20 万元统筹使用。',
    },
    indicators: [
      row('产出', '数量', '新建少年宫', '≥8个', '8个', '20'),
      row('产出', '时效', '建设完成及时率', '100%', '100%', '10'),
      row('产出', '成本', '项目总成本', '≤180万元', '171.3万元', '10'),
      row('效益', '社会', '参与活动学生人次', '≥5000人次', '6200人次', '20'),
      row('效益', '可持续影响', '长效管理机制', '建立', '完成', '10'),
      row('满意度', '服务对象满意度', '学生家长满意度', '≥85%', '91%', '10'),
    ],
    declaredTotal: '99.03',
    declaredGrade: '优',
  };
}

/** Guizhou 部门整体支出绩效自评表: only 年初预算数 and 全年执行数 columns. */
export function guizhouDepartmentForm(): FormInput {
  return {
    scope: 'department',
    name: '某县农业农村局',
    funds: {
      rows: [
        { source: '基本支出', yearStartBudget: '1,250.00', actual: '1,236.58', declaredRate: '98.93' },
        { source: '项目支出', yearStartBudget: '860', actual: '702.45', declaredRate: '81.68' },
      ],
      declaredTotal: { yearStartBudget: '2110', actual: '1939.03', weight: '10', rate: '91.90', score: '9.19' },
    },
    indicators: [
      row('产出', '数量', '完成重点工作任务', '≥12项', '12项', '20'),
      row('产出', '质量', '农产品质量安全抽检合格率', '≥95%', '96.2%', '15'),
      row('产出', '时效', '补贴资金兑付时限', '≤30天', '25天', '15'),
      row('效益', '经济', '农村居民人均可支配收入增幅', '≥7%', '7.4%', '20'),
      row('效益', '可持续影响', '农业面源污染治理', '完成', '完成', '10'),
      row('满意度', '服务对象满意度', '农户满意度', '≥90%', '92.3%', '10'),
    ],
    declaredTotal: '99.19',
    declaredGrade: '优',
  };
}

/** Sichuan 部门预算项目支出绩效自评表: 预算执行率 = 预算执行数 / 调整后预算数; one indicator short of target. */
export function sichuanProjectForm(): FormInput {
  return {
    scope: 'project',
    name: '城镇老旧小区改造',
    funds: {
      rows: [
        { source: '财政拨款', yearStartBudget: '300', fullYearBudget: '350', actual: '336.42', declaredRate: '96.12' },
      ],
      declaredTotal: {
        yearStartBudget: '300',
        fullYearBudget: '350',
        actual: '336.42',
        weight: '10',
        rate: '96.12',
        score: '9.61',
      },
      adjustmentReason: '省级追加补助 50 万元。',
    },
    indicators: [
      row('产出', '数量', '改造惠及居民户数', '≥1,200户', '1,150户', '20', {
        declaredScore: '19.17',
        deviationReason: '1 个小区居民意见未统一，延至次年实施。',
      }),
      row('产出', '质量', '工程验收合格率', '100%', '100%', '15'),
      row('产出', '时效', '当年开工率', '100%', '100%', '15'),
      row('效益', '社会', '居住环境改善', '明显改善', '明显改善', '30'),
      row('满意度', '服务对象满意度', '居民满意度', '≥90%', '94%', '10'),
    ],
    declaredTotal: '98.78',
    declaredGrade: '优',
  };
}

/** Hunan 部门整体自评表: 预算完成率 = 执行数 ÷ (年初结转 + 年初预算 + 本年追加). */
export function hunanDepartmentForm(): FormInput {
  return {
    scope: 'department',
    name: '某市统计局',
    funds: {
      rows: [
        { source: '年初结转结余', yearStartBudget: '45.2', actual: '40.1', declaredRate: '88.72' },
        {
          source: '一般公共预算',
          yearStartBudget: '1,180',
          fullYearBudget: '1,262.5',
          actual: '1,201.36',
          declaredRate: '95.16',
        },
      ],
      declaredTotal: { actual: '1241.46', weight: '10', rate: '94.93', score: '9.49' },
      adjustmentReason: '追加经济普查经费 82.5 万元。',
    },
    indicators: [
      row('产出', '数量', '统计调查项目完成数', '≥26项', '26项', '20'),
      row('产出', '质量', '统计数据上报及时准确率', '≥98%', '99.2%', '20'),
      row('产出', '时效', '统计公报发布', '按时', '按时完成', '10', {
        declaredScore: '9',
        deviationReason: '两期月度数据发布较计划推迟 1 天，已调整审核流程。',
      }),
      row('效益', '社会', '统计信息服务社会', '有效', '有效', '30', {
        declaredScore: '27',
        deviationReason: '统计数据开放查询功能尚未上线，次年完成。',
      }),
      row('满意度', '服务对象满意度', '服务对象满意度', '≥90%', '95%', '10'),
    ],
    declaredTotal: '95.49',
    declaredGrade: '优',
  };
}
