import { Input } from 'antd';
import { useState } from 'react';
import { formatAmount, parseAmount, type MoneyUnit } from '../../../src/domain/money/index.js';

/** Exact text of an amount in `unit`, trailing zeros dropped (万元 keeps up to 6 decimals = one fen). */
function exactText(text: string, from: MoneyUnit, to: MoneyUnit): string | null {
  const parsed = parseAmount(text, from);
  if (!parsed.ok) return null;
  const decimals = to === '万元' ? 6 : 2;
  const out = formatAmount(parsed.fen, to, decimals);
  return out.includes('.') ? out.replace(/0+$/, '').replace(/\.$/, '') : out;
}

export type AmountInputProps = {
  /** The value as written in the dataset unit ("596.04"). */
  value: string;
  unit: MoneyUnit;
  onChange: (textInDatasetUnit: string) => void;
  status?: 'error' | 'warning' | undefined;
  ariaLabel: string;
  dataPath: string;
};

/**
 * 金额输入: text (never a float) in 万元 or 元. The user may switch the unit to type 元 into a 万元 dataset;
 * the value is converted exactly (integer fen) into the dataset's unit. Text that is not an amount is kept
 * as typed, so the schema names it as an error at this field.
 */
export function AmountInput(props: AmountInputProps) {
  const [inputUnit, setInputUnit] = useState<MoneyUnit>(props.unit);
  const shown = inputUnit === props.unit ? props.value : (exactText(props.value, props.unit, inputUnit) ?? props.value);
  const [draft, setDraft] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const converted = inputUnit === props.unit ? text : (exactText(text, inputUnit, props.unit) ?? text);
    props.onChange(converted.trim());
  };
  const other: MoneyUnit = inputUnit === '万元' ? '元' : '万元';
  return (
    <div data-path={props.dataPath}>
      <Input
        value={draft ?? shown}
        onChange={(e) => change(e.target.value)}
        onBlur={() => setDraft(null)}
        status={props.status}
        aria-label={props.ariaLabel}
        inputMode="decimal"
        style={{ fontVariantNumeric: 'tabular-nums' }}
        styles={{ input: { textAlign: 'right' } }}
        suffix={
          <button
            type="button"
            className="jx-unit-toggle"
            title={`改为按${other}输入`}
            aria-label={`${props.ariaLabel}：单位${inputUnit}，点击改为${other}`}
            tabIndex={-1}
            onClick={() => {
              setDraft(null);
              setInputUnit(other);
            }}
          >
            {inputUnit}
          </button>
        }
      />
    </div>
  );
}
