import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

dayjs.locale('zh-cn');

/**
 * 减少动态效果: a user (or a test browser) that asks the system for reduced motion gets dialogs, drawers and menus
 * without their opening animations — a click during one would otherwise land where the button is about to be.
 */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: {
          colorPrimary: '#b4232a',
          motion: !reducedMotion,
          borderRadius: 4,
          fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
        },
      }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
