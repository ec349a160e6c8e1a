import { z } from 'zod';
import type { Finding } from '../findings/finding.js';
import { rulePackSchema, type RulePack } from './rule-pack.js';

export type ParseRulePackResult = { ok: true; pack: RulePack } | { ok: false; errors: Finding[] };

const zhCN = z.locales.zhCN().localeError;

/** The code a refinement attaches (`params.code`), e.g. RULE_PACK_WEIGHTS_TOTAL; other issues are RULE_PACK_INVALID. */
function stableCode(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const code: unknown = issue.params?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** Validates a rule pack read from a file; every problem is returned with its JSON path, in Chinese. */
export function parseRulePack(raw: unknown): ParseRulePackResult {
  const result = rulePackSchema.safeParse(raw, { error: zhCN, reportInput: true });
  if (result.success) return { ok: true, pack: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      severity: 'error',
      code: stableCode(issue) ?? 'RULE_PACK_INVALID',
      message: `规则包无效：${issue.message}`,
      path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
    })),
  };
}
