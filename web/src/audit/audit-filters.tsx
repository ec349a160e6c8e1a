import { Button, Select, Space } from 'antd';
import type { DepartmentSummary } from '../api/types.js';
import { displayNameOf } from '../components/person.js';

export type AuditFilter = { departmentId?: number; user?: string; action?: string };

/**
 * 筛选: by department, by user and by action. Users and actions are those seen in the log so far: the server
 * matches the recorded actor exactly, and names actions by code (shown by their Chinese label).
 */
export function AuditFilters(props: {
  departments: readonly DepartmentSummary[];
  actors: readonly string[];
  actions: readonly { value: string; label: string }[];
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}) {
  const { value, onChange } = props;
  return (
    <Space wrap>
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部部门"
        aria-label="部门"
        style={{ width: 260 }}
        value={value.departmentId}
        options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(departmentId) => onChange({ ...value, departmentId })}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部用户"
        aria-label="用户"
        style={{ width: 240 }}
        value={value.user}
        options={props.actors.map((a) => ({ value: a, label: displayNameOf(a) }))}
        onChange={(user) => onChange({ ...value, user })}
      />
      <Select<string>
        allowClear
        placeholder="全部操作"
        aria-label="操作"
        style={{ width: 200 }}
        value={value.action}
        options={[...props.actions]}
        onChange={(action) => onChange({ ...value, action })}
      />
      <Button onClick={() => onChange({})}>清除筛选</Button>
    </Space>
  );
}
