/** Chinese names of the schema's English enum values, for the selects that hold them. */
export const PARTS = { basic: '基本支出', project: '项目支出' } as const;
export const PAYMENT_SCOPES = { project: '项目支出', basic: '基本支出', total: '全部支出' } as const;
export const PAYMENT_BASES = { yearStartBudget: '年初预算', fullYearBudget: '全年预算' } as const;

export function choicesOf(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
