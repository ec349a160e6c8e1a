import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from './packs/builtin-packs.js';
import { NATIONAL_PACK } from './packs/national.js';
import { parseRulePack } from './parse-rule-pack.js';

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
