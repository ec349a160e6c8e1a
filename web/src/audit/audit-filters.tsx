import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { DepartmentSummary } from '../api/types.js';

export type AuditFilter = { departmentId?: number; user?: string; action?: string };

/** 筛选: by department, by user (account name) and by action (the API's Chinese label, its code as value). */
export function AuditFilters(props: {
  departments: readonly DepartmentSummary[];
  actions: readonly { value: string; label: string }[];
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}) {
  const [user, setUser] = useState(props.value.user ?? '');
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
      <Input.Search
        allowClear
        placeholder="用户名"
        aria-label="用户"
        style={{ width: 200 }}
        value={user}
        onChange={(e) => setUser(e.target.value)}
        onSearch={(text) => onChange({ ...value, user: text.trim() === '' ? undefined : text.trim() })}
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
      <Button
        onClick={() => {
          setUser('');
          onChange({});
        }}
      >
        清除筛选
      </Button>
    </Space>
  );
}
