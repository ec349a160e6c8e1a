import { describe, expect, it } from 'vitest';
import { formatPercent, type Percent } from '../money/index.js';
import { findBuiltinPack } from '../scoring/packs/builtin-packs.js';
import type { RulePack } from '../scoring/rule-pack.js';
import { evaluateForm } from './evaluate-forms.js';
import { formOf, mofProjectForm, type FormInput } from './form-fixtures.js';
import { formsToJson } from './to-json.js';

const national = (): RulePack => {
  const found = findBuiltinPack('national');
  if (found === null) throw new Error('no national pack');
  return found;
};
const evaluate = (input: FormInput) => evaluateForm(formOf(input), 0, national(), '万元');
const pct = (p: Percent | null | undefined) => (p === null || p === undefined ? null : formatPercent(p));

/** The MoF project form with 占比 printed on each source row. */
function withShares(shares: readonly (string | undefined)[]): FormInput {
  const form = mofProjectForm();
  const funds = form.funds;
  if (funds?.rows === undefined) throw new Error('the fixture has source rows');
  return {
    ...form,
    funds: {
      ...funds,
      rows: funds.rows.map((r, i) => (shares[i] === undefined ? r : { ...r, declaredShare: shares[i] })),
    },
  };
}

describe('funding sources: share and rate per source row', () => {
  it('computes each row’s 占比 of the total 全年执行数 and its own 执行率 (578.60 万元 = 498.60 + 80 + 0)', () => {
    const funds = evaluate(mofProjectForm()).score.funds;
    expect(funds?.rows.map((r) => [r.source, pct(r.share), pct(r.rate)])).toEqual([
      ['当年财政拨款', '86.17', '95.88'], // 498.60 ÷ 578.60 = 86.1735…; 498.60 ÷ 520 = 95.8846…
      ['上年结转资金', '13.83', '100.00'], // 80 ÷ 578.60 = 13.8264…; 80 ÷ 80
      ['其他资金', '0.00', '0.00'], // 0 ÷ 578.60; 0 ÷ 0 printed 0.00 %
    ]);
    expect(funds?.total.share).toBeNull();
  });

  it('rounds a share half-up at 2 decimals (1 ÷ 32 = 3.125 % → 3.13 %)', () => {
    const funds = evaluate({
      scope: 'project',
      name: '半数进位',
      funds: {
        rows: [
          { source: '当年财政拨款', fullYearBudget: '31', actual: '31' },
          { source: '其他资金', fullYearBudget: '1', actual: '1' },
        ],
      },
    }).score.funds;
    expect(funds?.rows.map((r) => pct(r.share))).toEqual(['96.88', '3.13']);
  });

  it('gives no share when the form prints no 全年执行数 or the total spent is 0', () => {
    const noActual = evaluate({
      scope: 'project',
      name: '未列执行数',
      funds: { rows: [{ source: '当年财政拨款', yearStartBudget: '10', declaredShare: '100' }] },
    });
    expect(noActual.score.funds?.rows[0]?.share).toBeNull();
    expect(noActual.findings.filter((f) => f.code === 'FORM_SHARE_MISMATCH')).toEqual([]);
    const nothingSpent = evaluate({
      scope: 'project',
      name: '未支出',
      funds: { rows: [{ source: '当年财政拨款', fullYearBudget: '10', actual: '0' }] },
    });
    expect(nothingSpent.score.funds?.rows[0]?.share).toBeNull();
  });

  it('accepts printed shares as computed, at 2 decimals or fewer', () => {
    const { findings } = evaluate(withShares(['86.17', '13.8', '0']));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('flags a printed share that is not the row’s 全年执行数 ÷ the total’s (FORM_SHARE_MISMATCH)', () => {
    // 498.60 ÷ 600 (the budget, not the spending) = 83.10 %: a share taken on the wrong total.
    const { findings } = evaluate(withShares(['83.10', '13.83']));
    expect(findings.filter((f) => f.code === 'FORM_SHARE_MISMATCH')).toEqual([
      {
        severity: 'error',
        code: 'FORM_SHARE_MISMATCH',
        message:
          '“农村饮水安全巩固提升工程”资金来源“当年财政拨款”占比填 83.10%，按本行全年执行数 498.60万元 ÷ 年度资金总额全年执行数 578.60万元 计算为 86.17%。',
        path: ['forms', 0, 'funds', 'rows', 0, 'declaredShare'],
        figures: { declared: '83.10%', computed: '86.17%' },
      },
    ]);
  });

  it('puts share and declaredShare in the JSON of each row', () => {
    const form = formOf(withShares(['86.17']));
    const evaluation = evaluateForm(form, 0, national(), '万元');
    const [json] = formsToJson([evaluation], '万元');
    expect(json?.funds?.rows.map((r) => [r.share, r.declaredShare])).toEqual([
      ['86.17', '86.17'],
      ['13.83', null],
      ['0.00', null],
    ]);
  });
});
