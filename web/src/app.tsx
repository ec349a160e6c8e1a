import { Menu, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from './api/review-types.js';
import { ExpiredLogin } from './auth/expired-login.js';
import { LoginPage } from './auth/login-page.js';
import { seesAudit, seesBureau } from './auth/permissions.js';
import { loadSession, useSession } from './auth/session-store.js';
import { UserMenu } from './auth/user-menu.js';
import { href, Link, navigate, useRoute, type Route } from './router.js';

const HomePage = lazy(() => import('./pages/home-page.js').then((m) => ({ default: m.HomePage })));
const DepartmentPage = lazy(() => import('./pages/department-page.js').then((m) => ({ default: m.DepartmentPage })));
const DatasetPage = lazy(() => import('./pages/dataset-page.js').then((m) => ({ default: m.DatasetPage })));
const BureauPage = lazy(() => import('./pages/bureau-page.js').then((m) => ({ default: m.BureauPage })));
const ComparePage = lazy(() => import('./pages/compare-page.js').then((m) => ({ default: m.ComparePage })));
const PublicPage = lazy(() => import('./pages/public-page.js').then((m) => ({ default: m.PublicPage })));
const AuditPage = lazy(() => import('./pages/audit-page.js').then((m) => ({ default: m.AuditPage })));
const MonitoringPage = lazy(() =>
  import('./monitoring/monitoring-page.js').then((m) => ({ default: m.MonitoringPage })),
);

const forbidden = <Result status="403" title="无权访问" subTitle="此页面仅供财政局审核人和系统管理员使用。" />;

function Page(props: { route: Route; user: User }) {
  const { route, user } = props;
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'department':
      return <DepartmentPage id={route.id} />;
    case 'dataset':
      return <DatasetPage id={route.id} tab={route.tab} />;
    case 'bureau':
      return seesBureau(user) ? <BureauPage year={route.year} /> : forbidden;
    case 'compare':
      return seesBureau(user) ? <ComparePage departmentId={route.departmentId} /> : forbidden;
    case 'public':
      return <PublicPage />;
    case 'audit':
      return seesAudit(user) ? <AuditPage /> : forbidden;
    case 'monitoring':
      return <MonitoringPage />;
    case 'notFound':
      return <Result status="404" title="页面不存在" extra={<Link to={href.home()}>返回首页</Link>} />;
  }
}

const SECTION_OF: Readonly<Record<Route['page'], string>> = {
  home: 'home',
  department: 'home',
  dataset: 'home',
  bureau: 'bureau',
  compare: 'bureau',
  public: 'public',
  audit: 'audit',
  monitoring: 'monitoring',
  notFound: '',
};

const TARGET_OF: Readonly<Record<string, () => string>> = {
  home: href.home,
  bureau: () => href.bureau(),
  public: href.public,
  audit: href.audit,
  monitoring: href.monitoring,
};

/** The areas a user's role works in; visitors see only the public portal. */
function menuItems(user: User | null): { key: string; label: string }[] {
  if (user === null) return [{ key: 'public', label: '公开报告' }];
  return [
    { key: 'home', label: user.role === 'editor' ? '部门填报' : '部门数据' },
    ...(seesBureau(user) ? [{ key: 'bureau', label: '财政局总览' }] : []),
    { key: 'monitoring', label: '双监控' },
    ...(seesAudit(user) ? [{ key: 'audit', label: '操作日志' }] : []),
    { key: 'public', label: '公开报告' },
  ];
}

function Header(props: { route: Route; user: User | null }) {
  return (
    <header className="jx-header">
      <Link to={href.home()} className="jx-brand">
        绩效自评
      </Link>
      <Menu
        mode="horizontal"
        style={{ flex: 1, borderBottom: 'none', minWidth: 0 }}
        selectedKeys={[SECTION_OF[props.route.page]]}
        onClick={({ key }) => navigate((TARGET_OF[key] ?? href.home)())}
        items={menuItems(props.user)}
      />
      {/* A visitor of the public portal may sign in from there; the login page itself needs no second button. */}
      {props.user === null && props.route.page !== 'public' ? null : <UserMenu />}
    </header>
  );
}

const loading = (
  <div className="jx-page-loading">
    <Spin size="large" />
  </div>
);

/** What the address asks for: the public portal for anyone, every other page only with a session. */
function Content(props: { route: Route }) {
  const session = useSession();
  if (props.route.page === 'public') return <PublicPage />;
  if (session.status === 'loading') return loading;
  if (session.status === 'anonymous') return <LoginPage />;
  // Keyed by user: someone else signing in over an expired session must not inherit the page's state.
  return <Page key={session.user.id} route={props.route} user={session.user} />;
}

/**
 * The shell: header with the areas of the user's role and the account menu, the current page loaded on demand,
 * and the re-login dialog when the session ends while a page is open.
 */
export function App() {
  const route = useRoute();
  const session = useSession();
  const [startError, setStartError] = useState<Error | null>(null);
  useEffect(() => {
    loadSession().catch((e: unknown) => setStartError(e instanceof Error ? e : new Error(String(e))));
  }, []);
  const user = session.status === 'signed-in' || session.status === 'expired' ? session.user : null;
  return (
    <>
      <Header route={route} user={user} />
      <main className="jx-main">
        {startError !== null && route.page !== 'public' ? (
          <Result status="warning" title="无法连接服务器" subTitle={startError.message} />
        ) : (
          <Suspense fallback={loading}>
            <Content route={route} />
          </Suspense>
        )}
      </main>
      <ExpiredLogin />
    </>
  );
}
