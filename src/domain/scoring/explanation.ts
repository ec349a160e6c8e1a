import type { RulePack } from './rule-pack.js';

/**
 * 评分说明: why a score is what it is — the rule applied, the formula with its inputs, and the pack.
 * `text` is the whole of it as one Chinese sentence, for the table and the report.
 */
export type Explanation = {
  /** The rule that applied, in Chinese (e.g. "实际值未达到目标值，按比例计分"). */
  rule: string;
  /** The formula with names (e.g. "得分 = 分值 × 实际值 ÷ 目标值"). */
  formula: string;
  /** Every input the formula used, as printed. */
  inputs: Readonly<Record<string, string>>;
  /** The pack: "national（全国通用（财政部 2020 年绩效自评方法））". */
  pack: string;
  text: string;
};

export function packLabel(pack: RulePack): string {
  return `${pack.name}（${pack.title}）`;
}

/** Builds an explanation; `text` lists the rule, the formula with its inputs, the result and the pack. */
export function explain(
  pack: RulePack,
  parts: { rule: string; formula: string; inputs: Readonly<Record<string, string>>; result: string },
): Explanation {
  const inputs = Object.entries(parts.inputs)
    .map(([k, v]) => `${k} ${v}`)
    .join('，');
  const label = packLabel(pack);
  return {
    rule: parts.rule,
    formula: parts.formula,
    inputs: parts.inputs,
    pack: label,
    text: `${parts.rule}；${parts.formula}（${inputs}）= ${parts.result} 分；规则包 ${label}。`,
  };
}

/** “name” for messages; a name that already carries quotes (“12345”热线…) is left as it is. */
export function quoteName(name: string): string {
  return /[“”"]/.test(name) ? name : `“${name}”`;
}
