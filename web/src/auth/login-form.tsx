import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { login } from './session-store.js';

type Values = { name: string; password: string };

/** 用户名 + 密码 → 登录. A wrong password or too many attempts show the server's Chinese message. */
export function LoginForm(props: { name?: string; onSignedIn?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.name.trim(), values.password);
      props.onSignedIn?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      layout="vertical"
      initialValues={{ name: props.name ?? '', password: '' }}
      onFinish={(values) => void submit(values)}
      requiredMark={false}
      data-testid="login-form"
    >
      <Form.Item label="用户名" name="name" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={props.name === undefined} />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          autoFocus={props.name !== undefined}
        />
      </Form.Item>
      {error === null ? null : (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
        登录
      </Button>
    </Form>
  );
}
