import { Checkbox, DatePicker, Input, InputNumber, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { FieldComments } from '../review/field-comments.js';
import { AmountInput } from './amount-input.js';
import { getIn, pathKey, type DocPath } from './document.js';
import { useEditor } from './editor-context.js';

/** The value at `path`, its setter and the worst finding about it (for the field's red/yellow frame). */
function useField(path: DocPath) {
  const editor = useEditor();
  const key = pathKey(path);
  const findings = editor.findingsAt.get(key) ?? [];
  const worst = findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.severity === 'warning');
  const status =
    worst === undefined ? undefined : worst.severity === 'error' ? ('error' as const) : ('warning' as const);
  return {
    editor,
    key,
    value: getIn(editor.doc, path),
    set: (value: unknown) => editor.set(path, value),
    status,
    message: findings.map((f) => f.message).join('\n'),
  };
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

export function TextField(props: FieldProps & { optional?: boolean; placeholder?: string }) {
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

export function AmountField(props: FieldProps & { optional?: boolean }) {
  const f = useField(props.path);
  return (
    <FieldFrame path={props.path} pathKey={f.key}>
      <WithMessage message={f.message}>
        <AmountInput
          dataPath={f.key}
          ariaLabel={props.label}
          unit={f.editor.unit}
          value={asText(f.value)}
          status={f.status}
          onChange={(text) => f.set(props.optional === true && text === '' ? undefined : text)}
        />
      </WithMessage>
    </FieldFrame>
  );
}

/** 百分比 as text ("84.18"), optional: cleared means "not stated". */
export function PercentField(props: FieldProps) {
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
export function CountField(props: FieldProps) {
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

export function DateField(props: FieldProps) {
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

export function SelectField(props: FieldProps & { options: readonly Choice[]; optional?: boolean }) {
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

export function CheckField(props: FieldProps) {
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
export function ParagraphsField(props: FieldProps & { rows?: number }) {
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
