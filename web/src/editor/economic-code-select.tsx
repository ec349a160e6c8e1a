import { Select } from 'antd';
import {
  ECONOMIC_CLASSES,
  ECONOMIC_ITEMS,
  economicName,
} from '../../../src/domain/reference/economic-classification.js';
import { FieldComments } from '../review/field-comments.js';
import { getIn, pathKey, type DocPath } from './document.js';
import { useEditor } from './editor-context.js';

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
export function EconomicCodeSelect(props: { path: DocPath }) {
  const editor = useEditor();
  const key = pathKey(props.path);
  const raw = getIn(editor.doc, props.path);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const known = value !== undefined && economicName(value) !== undefined;
  const hasError = (editor.findingsAt.get(key) ?? []).some((f) => f.severity === 'error');
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
