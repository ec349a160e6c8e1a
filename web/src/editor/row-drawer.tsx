import { Descriptions, Drawer } from 'antd';
import { changeLines, valueText } from './change-lines.js';
import { getIn, setIn, type DocPath } from './document.js';
import { useEditorSelect } from './editor-context.js';
import { labelOf } from './field-labels.js';

/**
 * 整行详情: every field of one row in full, labelled as on the page — for names and notes a narrow column cuts off.
 * Read-only; the row is edited in the table.
 */
export function RowDrawer(props: { listPath: DocPath; index: number | null; onClose: () => void }) {
  // Closed, it does not read the document (so a keystroke does not render every table's drawer again).
  const doc = useEditorSelect((e) => (props.index === null ? null : e.doc));
  const row = props.index === null ? undefined : getIn(doc, [...props.listPath, props.index]);
  const fields =
    row !== null && typeof row === 'object' && !Array.isArray(row)
      ? Object.entries(row as Record<string, unknown>)
      : [];
  const rowPath = [...props.listPath, props.index ?? 0];
  return (
    <Drawer
      title={`${labelOf(props.listPath) ?? ''} · 第 ${(props.index ?? 0) + 1} 行`}
      open={props.index !== null}
      onClose={props.onClose}
      size={520}
      data-testid="row-drawer"
    >
      <Descriptions column={1} size="small" bordered>
        {fields.map(([key, value]) => {
          const label = labelOf([...rowPath, key]) ?? key;
          // Nested rows (追加预算 …) in words, one line each.
          const text =
            value !== null && typeof value === 'object'
              ? changeLines(setIn(doc, [...rowPath, key], undefined), doc)
                  .map((l) => l.text)
                  .join('；') || '（空）'
              : valueText(value, key);
          return (
            <Descriptions.Item key={key} label={label}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Drawer>
  );
}
