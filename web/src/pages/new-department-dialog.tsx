import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, message } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { DepartmentSummary } from '../api/types.js';
import { href, navigate } from '../router.js';

/** 新建部门 (administrators): its budget code, name and parent; then its page, where its editor starts a year. */
export function NewDepartmentDialog() {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<number | undefined>(undefined);
  const [parents, setParents] = useState<DepartmentSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setOpen(true);
    setParents(await api.departments().catch(() => []));
  };
  const create = async () => {
    setBusy(true);
    try {
      const body = { code: code.trim(), name: name.trim(), ...(parentId === undefined ? {} : { parentId }) };
      const created = await api.createDepartment(body);
      setOpen(false);
      navigate(href.department(created.id));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => void show()} data-testid="new-department">
        新建部门
      </Button>
      <Modal
        open={open}
        title="新建部门"
        onCancel={() => setOpen(false)}
        okText="新建"
        cancelText="取消"
        okButtonProps={{ disabled: code.trim() === '' || name.trim() === '', loading: busy }}
        onOk={() => void create()}
      >
        <Form layout="vertical" component="div">
          <Form.Item label="预算编码" required>
            <Input aria-label="预算编码" value={code} onChange={(e) => setCode(e.target.value)} />
          </Form.Item>
          <Form.Item label="部门名称（全称）" required>
            <Input aria-label="部门名称" value={name} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
          <Form.Item label="上级部门">
            <Select
              aria-label="上级部门"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="无（本级）"
              value={parentId}
              onChange={(v: number | undefined) => setParentId(v)}
              options={parents.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
