// Source: standards.md §6: indicator values are printed as written ("100%", "≥95%", "≤30万元", "150万元", "30天内",
// "完成", "通过", "好"). A number and a unit are recovered where there is one; anything else is qualitative text.
// Edge cases: full-width characters (＞ ％ ，), thousands separators, words for the direction (不低于, 以内),
// a value with no number at all. Parsing never throws and never passes through a float.

/** 指标性质 as a value prints it; `strict` marks ＞ / ＜ (scored as ≥ / ≤). */
export type PrintedDirection = '≥' | '≤' | '=';

export type PrintedQuantity = {
  kind: 'quantity';
  /** The direction the text states, or null ("150万元" states none). */
  direction: PrintedDirection | null;
  /** True for ＞ / ＜ / 大于 / 小于: strictly beyond the value. */
  strict: boolean;
  /** The number as exact decimal text, without separators ("1200", "95", "0.5"). */
  value: string;
  /** The unit as printed ("%", "万元", "户", "天"), or "" when none. */
  unit: string;
};

export type PrintedQualitative = { kind: 'qualitative'; text: string };

export type PrintedValue = PrintedQuantity | PrintedQualitative;

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '％': '%',
  '，': ',',
  '．': '.',
  '＋': '+',
  '－': '-',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '≧': '≥',
  '≦': '≤',
  '⩾': '≥',
  '⩽': '≤',
};

/** Full-width digits and signs to their ASCII forms; spaces removed. */
export function normalizePrinted(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[％，．＋－＞＜＝≧≦⩾⩽]/g, (c) => FULL_WIDTH[c] ?? c)
    .replace(/\s+/g, '');
}

type Prefix = { pattern: string; direction: PrintedDirection; strict: boolean };

/** Longest first, so that "≥" is not read as ">" followed by "=". */
const PREFIXES: readonly Prefix[] = [
  ...['>=', '≥', '不低于', '不少于', '不小于', '大于等于', '大于或等于', '至少'].map((p) => ({
    pattern: p,
    direction: '≥' as const,
    strict: false,
  })),
  ...['<=', '≤', '不高于', '不超过', '不多于', '不大于', '小于等于', '小于或等于', '至多', '控制在'].map((p) => ({
    pattern: p,
    direction: '≤' as const,
    strict: false,
  })),
  ...['>', '大于', '超过', '高于', '多于'].map((p) => ({ pattern: p, direction: '≥' as const, strict: true })),
  ...['<', '小于', '低于', '少于'].map((p) => ({ pattern: p, direction: '≤' as const, strict: true })),
  ...['==', '=', '等于'].map((p) => ({ pattern: p, direction: '=' as const, strict: false })),
].sort((a, b) => b.pattern.length - a.pattern.length);

const SUFFIXES: readonly [string, PrintedDirection][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
];

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/;
/** A unit is short and carries no digits or sentence punctuation ("万元", "户", "%", "元/人", "个百分点"). */
const UNIT = /^[^\d,.;:，。；：、()（）]{0,8}$/;

function canonicalNumber(text: string): string {
  const plain = text.replace(/,/g, '').replace(/^\+/, '');
  const [whole = '0', fraction] = plain.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/^0+(?=\d)/, '');
  const fractionText = fraction === undefined ? '' : `.${fraction}`;
  const magnitude = `${digits}${fractionText}`;
  return negative && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

function splitSuffix(rest: string): { unit: string; direction: PrintedDirection | null } {
  for (const [suffix, direction] of SUFFIXES) {
    if (rest.endsWith(suffix)) return { unit: rest.slice(0, rest.length - suffix.length), direction };
  }
  return { unit: rest, direction: null };
}

/** Reads a printed target or actual; text without a leading number (after a direction word) is qualitative. */
export function parsePrintedValue(text: string): PrintedValue {
  const original = text.trim();
  let rest = normalizePrinted(original);
  const prefix = PREFIXES.find((p) => rest.startsWith(p.pattern));
  if (prefix !== undefined) rest = rest.slice(prefix.pattern.length);
  const match = NUMBER.exec(rest);
  if (match === null) return { kind: 'qualitative', text: original };
  const [, numberText = '', tail = ''] = match;
  const suffix = splitSuffix(tail.replace(/[。.]$/, ''));
  if (!UNIT.test(suffix.unit)) return { kind: 'qualitative', text: original };
  return {
    kind: 'quantity',
    direction: prefix?.direction ?? suffix.direction,
    strict: prefix?.strict ?? false,
    value: canonicalNumber(numberText),
    unit: suffix.unit,
  };
}
