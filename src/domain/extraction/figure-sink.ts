import type { FieldPath, Finding } from '../findings/finding.js';
import { formatPath } from '../findings/finding.js';
import type { MoneyUnit } from '../money/index.js';
import { amountInUnit, percentText } from './numbers.js';
import { placeText, type ExtractedFigure, type FigureSource, type UnplacedFigure } from './source.js';

/**
 * Collects what extraction recovers: each figure at its dataset path with its source. A path stated twice with the
 * same value keeps the first statement; stated twice with different values it keeps the first and reports
 * STATED_TWICE (the report contradicts itself), so the checks never run on a silently chosen number.
 */
export class FigureSink {
  readonly figures: ExtractedFigure[] = [];
  readonly unplaced: UnplacedFigure[] = [];
  readonly findings: Finding[] = [];
  private readonly byPath = new Map<string, ExtractedFigure>();

  constructor(readonly unit: MoneyUnit) {}

  has(path: FieldPath): boolean {
    return this.byPath.has(formatPath(path));
  }

  value(path: FieldPath): string | undefined {
    return this.byPath.get(formatPath(path))?.value;
  }

  /** Any value: text, counts, percentages already in dataset form. */
  put(path: FieldPath, label: string, value: string, source: FigureSource): void {
    const key = formatPath(path);
    const first = this.byPath.get(key);
    if (first === undefined) {
      const figure = { path, label, value, source };
      this.byPath.set(key, figure);
      this.figures.push(figure);
    } else if (first.value !== value) {
      this.findings.push({
        severity: 'error',
        code: 'STATED_TWICE',
        message: `${label}：报告在${placeText(first.source)}写作 ${first.value}，在${placeText(source)}写作 ${value}，前后不一致；草稿取前者。`,
        path,
        figures: { first: first.value, second: value },
      });
    }
  }

  /** An amount as written in `from` (万元 or 元), converted exactly to the dataset's unit. */
  amount(path: FieldPath, label: string, text: string, from: MoneyUnit, source: FigureSource): void {
    const value = amountInUnit(text, from, this.unit);
    if (value === null) this.skip(label, `${text}${from}`, '金额无法精确换算（小数位过多）', source);
    else this.put(path, label, value, source);
  }

  percent(path: FieldPath, label: string, text: string, source: FigureSource): void {
    const value = percentText(text);
    if (value === null) this.skip(label, `${text}%`, '百分比超过两位小数', source);
    else this.put(path, label, value, source);
  }

  skip(label: string, value: string, reason: string, source: FigureSource): void {
    this.unplaced.push({ label, value, reason, source });
  }
}
