import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from './packs/builtin-packs.js';
import { NATIONAL_PACK } from './packs/national.js';
import { parseRulePack } from './parse-rule-pack.js';

describe('report weights in a rule pack', () => {
  it('refuses report weights that add up to more than the total (default 100), with a stable code and the path', () => {
    const result = parseRulePack({
      ...NATIONAL_PACK,
      name: 'over',
      weights: { execution: '20', 产出: '50', 效益: '30', 满意度: '10' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        severity: 'error',
        code: 'RULE_PACK_WEIGHTS_TOTAL',
        message:
          '规则包无效：评分分值合计 110.00 分（预算执行率 20.00 + 产出 50.00 + 效益 30.00 + 满意度 10.00），与所声明的满分 100.00 分不符',
        path: ['weights'],
      },
    ]);
  });

  it('accepts weights that add up to a declared total other than 100, and defaults the total to 100', () => {
    const declared = parseRulePack({
      ...NATIONAL_PACK,
      name: 'ninety',
      weights: { execution: '10', 产出: '40', 效益: '30', 满意度: '10' },
      total: '90',
    });
    expect(declared.ok && declared.pack.total).toBe(9000n);
    const defaulted = parseRulePack({ ...NATIONAL_PACK, name: 'plain' });
    expect(defaulted.ok && defaulted.pack.total).toBe(10000n);
    const short = parseRulePack({ ...NATIONAL_PACK, name: 'short', total: '90' });
    expect(short.ok ? [] : short.errors.map((e) => e.code)).toEqual(['RULE_PACK_WEIGHTS_TOTAL']);
  });

  it('every shipped pack adds up to its total, report weights and each form', () => {
    for (const pack of BUILTIN_PACKS.values()) {
      const { execution, 产出, 效益, 满意度 } = pack.weights;
      expect(execution + 产出 + 效益 + 满意度, pack.name).toBe(pack.total);
    }
  });
});

describe('form conventions in a rule pack', () => {
  it('refuses a pack whose form weights do not add up to the total it declares, with the path', () => {
    const project = NATIONAL_PACK.forms?.project;
    if (project === undefined) throw new Error('national has a project form');
    const result = parseRulePack({
      ...NATIONAL_PACK,
      name: 'broken',
      forms: { project: { ...project, funds: { ...project.funds, weight: '20' } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toEqual(['forms', 'project', 'total']);
    expect(result.errors[0]?.message).toContain(
      '合计 110.00 分（预算执行率 20.00 + 产出 50.00 + 效益 30.00 + 满意度 10.00）',
    );
    expect(result.errors[0]?.code).toBe('RULE_PACK_INVALID');
  });

  it('defaults a form total to 100 points', () => {
    const project = NATIONAL_PACK.forms?.project;
    if (project === undefined) throw new Error('national has a project form');
    const untotalled: Partial<typeof project> = { ...project };
    delete untotalled.total;
    const result = parseRulePack({ ...NATIONAL_PACK, name: 'untotalled', forms: { project: untotalled } });
    expect(result.ok && result.pack.forms?.project?.total).toBe(10_000n);
  });

  it('refuses a step rule with a zero step', () => {
    const project = NATIONAL_PACK.forms?.project;
    if (project === undefined) throw new Error('national has a project form');
    const rule = { kind: 'steps', fullAt: '100', step: '0', pointsPerStep: '2' } as const;
    const result = parseRulePack({
      ...NATIONAL_PACK,
      name: 'steps',
      forms: { project: { ...project, funds: { ...project.funds, rule } } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toEqual(['forms', 'project', 'funds', 'rule', 'step']);
  });

  it('ships national, hunan, guizhou, hubei and sichuan, each with its source, assumptions and form conventions', () => {
    expect([...BUILTIN_PACKS.keys()]).toEqual(['national', 'hunan', 'guizhou', 'hubei', 'sichuan']);
    for (const pack of BUILTIN_PACKS.values()) {
      expect(pack.source.length).toBeGreaterThan(0);
      expect(pack.assumptions?.length ?? 0).toBeGreaterThan(0);
      expect(pack.forms?.department ?? pack.forms?.project).toBeDefined();
    }
    expect(BUILTIN_PACKS.get('hubei')?.forms?.project?.funds.weight).toBe(2000n);
    expect(BUILTIN_PACKS.get('guizhou')?.forms?.department?.funds.basis).toBe('yearStartBudget');
    expect(BUILTIN_PACKS.get('hunan')?.forms?.department?.funds.basis).toBe('availableBudget');
    expect(BUILTIN_PACKS.get('sichuan')?.forms?.project?.funds.basis).toBe('fullYearBudget');
  });
});
