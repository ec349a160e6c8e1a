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

/** Why text typed in another unit cannot be converted (it is then kept on the field, never stored). */
function conversionError(text: string, unit: MoneyUnit): string {
  const places = unit === '万元' ? 6 : 2;
  if (new RegExp(`^-?[\\d,]*\\.\\d{${places + 1},}$`).test(text))
    return `${unit}最多${places === 2 ? '两' : '六'}位小数`;
  return `不是有效金额（按${unit}输入）`;
}

/**
 * 金额输入: text (never a float) in 万元 or 元. The user may switch the unit to type 元 into a 万元 dataset;
 * the value is converted exactly (integer fen) into the dataset's unit. Text in the dataset's own unit that
 * is not an amount is passed on as typed, so the schema names it as an error at this field. Text in the other
 * unit that cannot be converted stays here as a local error: passing it on would read 元 as 万元.
 */
export function AmountInput(props: AmountInputProps) {
  const [inputUnit, setInputUnit] = useState<MoneyUnit>(props.unit);
  const shown = inputUnit === props.unit ? props.value : (exactText(props.value, props.unit, inputUnit) ?? props.value);
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const trimmed = text.trim();
    if (inputUnit === props.unit || trimmed === '') {
      setLocalError(null);
      props.onChange(trimmed);
      return;
    }
    const converted = exactText(trimmed, inputUnit, props.unit);
    setLocalError(converted === null ? conversionError(trimmed, inputUnit) : null);
    if (converted !== null) props.onChange(converted);
  };
  const other: MoneyUnit = inputUnit === '万元' ? '元' : '万元';
  return (
    <div data-path={props.dataPath}>
      <Input
        value={draft ?? shown}
        onChange={(e) => change(e.target.value)}
        // Text that was not taken stays visible with its error; otherwise show the stored value again.
        onBlur={() => setDraft((d) => (localError === null ? null : d))}
        status={localError === null ? props.status : 'error'}
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
              setLocalError(null);
              setInputUnit(other);
            }}
          >
            {inputUnit}
          </button>
        }
      />
      {localError === null ? null : (
        <div className="jx-field-error" role="alert" data-testid="amount-error">
          {localError}，未采用此值
        </div>
      )}
    </div>
  );
}
