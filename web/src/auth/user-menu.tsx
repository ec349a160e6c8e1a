import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag } from 'antd';
import { useState } from 'react';
import { href, navigate } from '../router.js';
import { ChangePasswordDialog } from './change-password.js';
import { logout, useUser } from './session-store.js';

/** 页头右侧: who is signed in and in which role, 修改密码, 退出登录; 登录 for visitors of the public portal. */
export function UserMenu() {
  const user = useUser();
  const [changing, setChanging] = useState(false);
  if (user === null)
    return (
      <Button type="primary" onClick={() => navigate(href.home())}>
        登录
      </Button>
    );
  const leave = async () => {
    await logout();
    navigate(href.home());
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'logout', label: '退出登录' },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : void leave()),
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Space size={6}>
            <UserOutlined />
            <span data-testid="user-name">{user.displayName}</span>
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="user-role">
              {user.roleLabel}
            </Tag>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
