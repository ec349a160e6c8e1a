import type { DocPath } from './document.js';

/** The editor's pages: one per part of the dataset, then the results. */
export const PART_TABS = [
  { key: 'basic', label: '基本情况' },
  { key: 'forms', label: '自评表' },
  { key: 'income', label: '收入' },
  { key: 'expenditure', label: '基本支出' },
  { key: 'threePublic', label: '三公' },
  { key: 'projects', label: '项目' },
  { key: 'payment', label: '支付进度' },
  { key: 'indicators', label: '绩效指标' },
  { key: 'narrative', label: '文字部分' },
  { key: 'declared', label: '报告陈述数' },
] as const;

export const RESULT_TABS = [
  { key: 'score', label: '得分' },
  { key: 'problems', label: '问题' },
  { key: 'report', label: '报告' },
] as const;

export type PartKey = (typeof PART_TABS)[number]['key'];
export type ResultKey = (typeof RESULT_TABS)[number]['key'];
export type TabKey = PartKey | ResultKey;

const TAB_KEYS: readonly string[] = [...PART_TABS, ...RESULT_TABS].map((t) => t.key);

export function isTabKey(text: string | undefined): text is TabKey {
  return text !== undefined && TAB_KEYS.includes(text);
}

const TAB_OF_HEAD: Readonly<Record<string, PartKey>> = {
  forms: 'forms',
  income: 'income',
  projects: 'projects',
  projectExpenditure: 'projects',
  paymentProgress: 'payment',
  indicators: 'indicators',
  selfEvaluation: 'indicators',
  narrative: 'narrative',
  declared: 'declared',
};

/** Which page holds the field a finding's JSON path names. */
export function tabOfPath(path: DocPath): PartKey {
  const [head, second] = path;
  if (head === 'basicExpenditure') return second === 'threePublic' ? 'threePublic' : 'expenditure';
  return TAB_OF_HEAD[String(head)] ?? 'basic';
}

/**
 * Moves the keyboard focus to the field at `path` (or the nearest enclosing row or section that is on screen)
 * and flashes it, so a finding's link lands on the exact cell. Returns false when nothing matched.
 */
export function focusPath(path: DocPath): boolean {
  for (let length = path.length; length > 0; length -= 1) {
    const key = path.slice(0, length).join('.');
    const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
    if (target === null) continue;
    const focusable = target.matches('input, textarea, button, [tabindex]')
      ? target
      : target.querySelector<HTMLElement>('input, textarea, .ant-select-selector, button');
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    focusable?.focus({ preventScroll: true });
    target.classList.remove('jx-flash');
    void target.offsetWidth; // restart the animation
    target.classList.add('jx-flash');
    return true;
  }
  return false;
}
