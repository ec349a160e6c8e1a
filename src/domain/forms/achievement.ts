// Source: standards.md §4 (定性 indicators: 达成 / 部分达成 / 未达成) and §6 (values printed as words: "完成", "通过",
// "好"). Edge cases: a negative word wins over the positive word it contains (未完成 ⊃ 完成); an actual printed
// exactly as its target is achieved; a word Jixiao cannot place gives null, never a guess.
import type { Achievement } from '../scoring/qualitative.js';
import { normalizePrinted } from './parse-printed-value.js';

const NOT_ACHIEVED = [
  '未完成',
  '没有完成',
  '未达到',
  '未达标',
  '不达标',
  '不通过',
  '未通过',
  '不合格',
  '未实现',
  '未落实',
];
const PARTLY = [
  '基本完成',
  '部分完成',
  '基本达标',
  '基本达到',
  '基本实现',
  '部分实现',
  '基本满意',
  '基本落实',
  '较好',
  '一般',
];
const ACHIEVED = ['已完成', '完成', '通过', '达标', '达到', '实现', '合格', '满意', '良好', '落实', '有效'];
/** One-character answers, read only when they are the whole cell (是 or 差 inside a sentence is no verdict). */
// A Map, not an object: a cell reading "toString" must not find Object.prototype's function.
const EXACT: ReadonlyMap<string, Achievement> = new Map([
  ['是', '达成'],
  ['好', '达成'],
  ['优', '达成'],
  ['否', '未达成'],
  ['差', '未达成'],
]);

function strip(text: string): string {
  return normalizePrinted(text).replace(/[。．.；;！!]+$/, '');
}

/**
 * 完成程度 of a qualitative actual: 完成/通过/达标/是/好/满意/已完成 → 达成; 基本完成/部分完成/较好/基本达标 →
 * 部分达成; 未完成/否/不通过/未达标 → 未达成; the target's own text → 达成; anything else → null.
 */
export function achievementOf(actual: string, target?: string): Achievement | null {
  const text = strip(actual);
  if (text === '') return null;
  if (target !== undefined && text === strip(target)) return '达成';
  const exact = EXACT.get(text);
  if (exact !== undefined) return exact;
  if (NOT_ACHIEVED.some((w) => text.includes(w))) return '未达成';
  if (PARTLY.some((w) => text.includes(w))) return '部分达成';
  if (ACHIEVED.some((w) => text.includes(w))) return '达成';
  return null;
}
