import { Select } from 'antd';
import { memo } from 'react';
import {
  ECONOMIC_CLASSES,
  ECONOMIC_ITEMS,
  economicName,
} from '../../../src/domain/reference/economic-classification.js';
import { FieldComments } from '../review/field-comments.js';
import { getIn, pathKey, type DocPath } from './document.js';
import { useEditorActions, useEditorSelect } from './editor-context.js';

/** Grouped by class (类), each item (款) searchable by code or name: "30101 基本工资". */
const OPTIONS = ECONOMIC_CLASSES.map((c) => ({
  label: `${c.code} ${c.name}`,
  options: [
    { value: c.code, label: `${c.code} ${c.name}（类）` },
    ...ECONOMIC_ITEMS.filter((i) => i.classCode === c.code).map((i) => ({
      value: i.code,
      label: `${i.code} ${i.name}`,
    })),
  ],
}));

/** 经济分类科目 picker: type a code or part of a name; the field holds the code. */
// Renders again only when its own code or error changes: an antd Select of ~200 options is costly to render,
// and a lines table holds dozens of them.
export const EconomicCodeSelect = memo(
  function EconomicCodeSelect(props: { path: DocPath }) {
    const key = pathKey(props.path);
    const editor = useEditorActions();
    const raw = useEditorSelect((e) => getIn(e.doc, props.path));
    const hasError = useEditorSelect((e) => (e.findingsAt.get(key) ?? []).some((f) => f.severity === 'error'));
    return <CodeSelect path={props.path} pathKey={key} raw={raw} hasError={hasError} set={editor.set} />;
  },
  (a, b) => pathKey(a.path) === pathKey(b.path),
);

function CodeSelect(props: {
  path: DocPath;
  pathKey: string;
  raw: unknown;
  hasError: boolean;
  set: (path: DocPath, value: unknown) => void;
}) {
  const { raw, hasError } = props;
  const key = props.pathKey;
  const editor = { set: props.set };
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const known = value !== undefined && economicName(value) !== undefined;
  return (
    <div className="jx-field">
      <div data-path={key} className="jx-field-control">
        <Select<string>
          showSearch={{
            filterOption: (input, option) =>
              typeof option?.label === 'string' && option.label.toLowerCase().includes(input.trim().toLowerCase()),
          }}
          aria-label="经济分类科目"
          placeholder="编码或名称"
          value={value}
          status={hasError || (value !== undefined && !known) ? 'error' : undefined}
          options={OPTIONS}
          popupMatchSelectWidth={320}
          style={{ width: '100%' }}
          onChange={(code) => editor.set(props.path, code)}
        />
      </div>
      <FieldComments path={props.path} pathKey={key} />
    </div>
  );
}
