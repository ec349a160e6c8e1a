import { Alert, Button, Modal } from 'antd';
import { logout, useSession } from './session-store.js';
import { LoginForm } from './login-form.js';

/**
 * 登录已过期: a dialog over the page rather than a new page, so the editor underneath keeps its unsaved
 * edits; its autosave waits and saves them once the user has signed in again.
 */
export function ExpiredLogin() {
  const session = useSession();
  if (session.status !== 'expired') return null;
  return (
    <Modal
      open
      title="登录已过期，请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      width={420}
      data-testid="expired-login"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="页面上尚未保存的修改仍然保留，重新登录后自动保存。"
      />
      <LoginForm name={session.user.name} />
      <Button type="link" size="small" style={{ marginTop: 8, padding: 0 }} onClick={() => void logout()}>
        以其他账号登录（放弃未保存的修改）
      </Button>
    </Modal>
  );
}
