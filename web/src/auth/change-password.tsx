import { Alert, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/accounts.js';

type Values = { currentPassword: string; newPassword: string; repeat: string };

/** The server's minimum (docs/accounts-and-workflow.md): shorter is refused with 400. */
const MIN_LENGTH = 10;

/** 修改密码: the current one, the new one twice. Other sessions of the user end on the server. */
export function ChangePasswordDialog(props: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    form.resetFields();
    setError(null);
    props.onClose();
  };
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      void message.success('密码已修改，其他设备上的登录已失效');
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title="修改密码"
      okText="修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: MIN_LENGTH, message: `新密码至少 ${MIN_LENGTH} 个字符` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error === null ? null : <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
