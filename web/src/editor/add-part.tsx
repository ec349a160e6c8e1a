import { PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { DatasetDocument } from '../api/types.js';
import { emptyPart } from './part-presence.js';
import { PART_TABS, type PartKey } from './parts.js';

/**
 * 添加部分: the parts a document of this kind does not have (a 自评表 has no 收入 or 三公), offered for adding;
 * adding one starts it with zeros (收入, 基本支出, 三公) or just opens its page (lists, prose).
 */
export function AddPart(props: {
  /** The document now (read on a click, not on every keystroke). */
  current: () => DatasetDocument;
  shown: readonly PartKey[];
  readOnly: boolean;
  onAdd: (key: PartKey, parts: { path: string[]; value: unknown }[]) => void;
}) {
  const hidden = PART_TABS.filter((t) => !props.shown.includes(t.key));
  if (hidden.length === 0 || props.readOnly) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: hidden.map((t) => ({ key: t.key, label: t.label })),
        onClick: ({ key }) => {
          const tab = hidden.find((t) => t.key === key);
          if (tab !== undefined) props.onAdd(tab.key, emptyPart(props.current(), tab.key));
        },
      }}
    >
      <Button size="small" icon={<PlusOutlined />} data-testid="add-part">
        添加部分
      </Button>
    </Dropdown>
  );
}
