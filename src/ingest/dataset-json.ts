import { stringify } from 'yaml';
import type { Dataset } from '../domain/dataset/schema.js';
import { EXACT_DECIMALS, FEN_PER_UNIT, formatScaled, type Fen, type MoneyUnit } from '../domain/money/index.js';

/** A dataset as plain JSON: what a file, the store and the API hold. Amounts are exact decimal strings in the dataset unit. */
export type DatasetDocument = { [key: string]: unknown };

/**
 * An amount written exactly in `unit`, trailing zeros dropped ("596.04", "0.5", "300"): the inverse of
 * `parseAmount`, so parsing the text gives back the same fen.
 */
export function exactAmountText(amount: Fen | bigint, unit: MoneyUnit): string {
  const decimals = EXACT_DECIMALS[unit];
  const fenPerLastPlace = FEN_PER_UNIT[unit] / 10n ** BigInt(decimals);
  const text = formatScaled(amount / fenPerLastPlace, decimals);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function toPlain(value: unknown, unit: MoneyUnit): unknown {
  // Every bigint in a parsed Dataset is Fen: amounts are the only exact integers the schema produces.
  if (typeof value === 'bigint') return exactAmountText(value, unit);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, unit));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, toPlain(v, unit)]));
  }
  return value;
}

/** Dataset → plain JSON document; `parseDataset(datasetToDocument(d))` deep-equals `d`. */
export function datasetToDocument(dataset: Dataset): DatasetDocument {
  return toPlain(dataset, dataset.unit) as DatasetDocument;
}

export function datasetToJsonText(dataset: Dataset): string {
  return `${JSON.stringify(datasetToDocument(dataset), null, 2)}\n`;
}

/** YAML with amounts quoted, so that no reader turns "88.90" into a float. */
export function datasetToYamlText(dataset: Dataset): string {
  return stringify(datasetToDocument(dataset), { lineWidth: 0 });
}
