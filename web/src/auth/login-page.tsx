import { Card, Typography } from 'antd';
import { href, Link } from '../router.js';
import { LoginForm } from './login-form.js';

/**
 * 登录页, shown in place of any page that needs a session. The address stays as it was, so after signing in
 * the user is where they wanted to go.
 */
export function LoginPage() {
  return (
    <div className="jx-login">
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          登录
        </Typography.Title>
        <Typography.Paragraph type="secondary">部门填报人、财政局审核人和系统管理员请登录后使用。</Typography.Paragraph>
        <LoginForm />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          公众可直接查阅<Link to={href.public()}>公开报告</Link>，无需登录。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
