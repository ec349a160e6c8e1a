import { Checkbox, DatePicker, Input, InputNumber, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { memo, type ReactNode } from 'react';
import type { Finding } from '../../../src/domain/findings/finding.js';
import { FieldComments } from '../review/field-comments.js';
import { AmountInput } from './amount-input.js';
import { getIn, pathKey, type DocPath } from './document.js';
import { useEditorActions, useEditorSelect } from './editor-context.js';

/** Same findings for a field's frame: the same severities and messages. */
function sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((f, i) => f.severity === b[i]?.severity && f.message === b[i]?.message);
}

/**
 * The value at `path`, its setter and the worst finding about it (for the field's red/yellow frame). The field
 * renders again only when these change, not on every keystroke elsewhere in the document.
 */
function useField(path: DocPath) {
  const key = pathKey(path);
  const { set } = useEditorActions();
  const unit = useEditorSelect((e) => e.unit);
  const value = useEditorSelect((e) => getIn(e.doc, path));
  const findings = useEditorSelect((e) => e.findingsAt.get(key), sameFindings) ?? [];
  const worst = findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.severity === 'warning');
  const status =
    worst === undefined ? undefined : worst.severity === 'error' ? ('error' as const) : ('warning' as const);
  return {
    unit,
    key,
    value,
    set: (next: unknown) => set(path, next),
    status,
    message: findings.map((f) => f.message).join('\n'),
  };
}

/** Props equal for a field: its path by value (callers build it anew on every render), the rest by identity. */
function sameFieldProps<P extends { path: DocPath }>(a: P, b: P): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof P)[]);
  return [...keys].every((k) => (k === 'path' ? pathKey(a.path) === pathKey(b.path) : Object.is(a[k], b[k])));
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * The same elements with or without a message: a finding that appears or goes away as the user types must not
 * remount the input (that dropped the focus after the keystroke that fixed or broke the value).
 */
function WithMessage(props: { message: string; children: ReactNode }) {
  return (
    <Tooltip title={props.message === '' ? undefined : props.message} placement="topLeft">
      <div>{props.children}</div>
    </Tooltip>
  );
}

/** A field and, beside it, the review comments anchored to its path. */
function FieldFrame(props: { path: DocPath; pathKey: string; children: ReactNode }) {
  return (
    <div className="jx-field">
      <div className="jx-field-control">{props.children}</div>
      <FieldComments path={props.path} pathKey={props.pathKey} />
    </div>
  );
}

type FieldProps = { path: DocPath; label: string };

function TextFieldView(props: FieldProps & { optional?: boolean; placeholder?: string }) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <WithMessage message={f.message}>
        <Input
          data-path={f.key}
          aria-label={props.label}
          placeholder={props.placeholder}
          // A long name cut off by a narrow column is readable in full on hover.
          title={asText(f.value) === '' ? undefined : asText(f.value)}
          value={asText(f.value)}
          status={f.status}
          onChange={(e) => f.set(props.optional === true && e.target.value === '' ? undefined : e.target.value)}
        />
      </WithMessage>
    </FieldFrame>
  );
}

function AmountFieldView(props: FieldProps & { optional?: boolean }) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <WithMessage message={f.message}>
        <AmountInput
          dataPath={f.key}
          ariaLabel={props.label}
          unit={f.unit}
          value={asText(f.value)}
          status={f.status}
          onChange={(text) => f.set(props.optional === true && text === '' ? undefined : text)}
        />
      </WithMessage>
    </FieldFrame>
  );
}

/** 百分比 as text ("84.18"), optional: cleared means "not stated". */
function PercentFieldView(props: FieldProps) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <WithMessage message={f.message}>
        <Input
          data-path={f.key}
          aria-label={props.label}
          value={asText(f.value)}
          status={f.status}
          suffix="%"
          inputMode="decimal"
          style={{ textAlign: 'right' }}
          onChange={(e) => f.set(e.target.value.trim() === '' ? undefined : e.target.value.trim())}
        />
      </WithMessage>
    </FieldFrame>
  );
}

/** 人数/个数: a non-negative integer. */
function CountFieldView(props: FieldProps) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <InputNumber<number>
        data-path={f.key}
        aria-label={props.label}
        min={0}
        precision={0}
        value={typeof f.value === 'number' ? f.value : null}
        status={f.status}
        style={{ width: '100%' }}
        onChange={(value) => f.set(value ?? 0)}
      />
    </FieldFrame>
  );
}

function DateFieldView(props: FieldProps) {
  const f = useField(props.path);
  const text = asText(f.value);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <div data-path={f.key}>
        <DatePicker
          aria-label={props.label}
          value={text === '' ? null : dayjs(text)}
          status={f.status}
          style={{ width: '100%' }}
          onChange={(date) => f.set(date === null ? undefined : date.format('YYYY-MM-DD'))}
        />
      </div>
    </FieldFrame>
  );
}

export type Choice = string | { value: string; label: string };

function SelectFieldView(props: FieldProps & { options: readonly Choice[]; optional?: boolean }) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <div data-path={f.key}>
        <Select<string>
          aria-label={props.label}
          value={asText(f.value) === '' ? undefined : asText(f.value)}
          status={f.status}
          allowClear={props.optional === true}
          style={{ width: '100%' }}
          options={props.options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o))}
          onChange={(value) => f.set(value)}
        />
      </div>
    </FieldFrame>
  );
}

function CheckFieldView(props: FieldProps) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <Checkbox data-path={f.key} checked={f.value === true} onChange={(e) => f.set(e.target.checked)}>
        {props.label}
      </Checkbox>
    </FieldFrame>
  );
}

/** 段落: one paragraph per line. */
function ParagraphsFieldView(props: FieldProps & { rows?: number }) {
  const f = useField(props.path);
  const lines = Array.isArray(f.value) ? (f.value as unknown[]).map(asText) : [];
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <WithMessage message={f.message}>
        <Input.TextArea
          data-path={f.key}
          aria-label={props.label}
          value={lines.join('\n')}
          status={f.status}
          autoSize={{ minRows: props.rows ?? 3, maxRows: 16 }}
          placeholder="每行一段"
          onChange={(e) => f.set(e.target.value === '' ? [] : e.target.value.split('\n'))}
        />
      </WithMessage>
    </FieldFrame>
  );
}

export const TextField = memo(TextFieldView, sameFieldProps);
export const AmountField = memo(AmountFieldView, sameFieldProps);
export const PercentField = memo(PercentFieldView, sameFieldProps);
export const CountField = memo(CountFieldView, sameFieldProps);
export const DateField = memo(DateFieldView, sameFieldProps);
export const SelectField = memo(SelectFieldView, sameFieldProps);
export const CheckField = memo(CheckFieldView, sameFieldProps);
export const ParagraphsField = memo(ParagraphsFieldView, sameFieldProps);
