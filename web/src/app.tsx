import { Menu, Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { href, Link, navigate, useRoute, type Route } from './router.js';

const HomePage = lazy(() => import('./pages/home-page.js').then((m) => ({ default: m.HomePage })));
const DepartmentPage = lazy(() => import('./pages/department-page.js').then((m) => ({ default: m.DepartmentPage })));
const DatasetPage = lazy(() => import('./pages/dataset-page.js').then((m) => ({ default: m.DatasetPage })));
const BureauPage = lazy(() => import('./pages/bureau-page.js').then((m) => ({ default: m.BureauPage })));
const ComparePage = lazy(() => import('./pages/compare-page.js').then((m) => ({ default: m.ComparePage })));
const PublicPage = lazy(() => import('./pages/public-page.js').then((m) => ({ default: m.PublicPage })));

function Page(props: { route: Route }) {
  const { route } = props;
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'department':
      return <DepartmentPage id={route.id} />;
    case 'dataset':
      return <DatasetPage id={route.id} tab={route.tab} />;
    case 'bureau':
      return <BureauPage year={route.year} />;
    case 'compare':
      return <ComparePage departmentId={route.departmentId} />;
    case 'public':
      return <PublicPage />;
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
  notFound: '',
};

/** The shell: header with the three areas (部门填报, 财政局总览, 公开报告) and the current page, loaded on demand. */
export function App() {
  const route = useRoute();
  return (
    <>
      <header className="jx-header">
        <Link to={href.home()} className="jx-brand">
          绩效 Jixiao
        </Link>
        <Menu
          mode="horizontal"
          style={{ flex: 1, borderBottom: 'none', minWidth: 0 }}
          selectedKeys={[SECTION_OF[route.page]]}
          onClick={({ key }) =>
            navigate(key === 'home' ? href.home() : key === 'bureau' ? href.bureau() : href.public())
          }
          items={[
            { key: 'home', label: '部门填报' },
            { key: 'bureau', label: '财政局总览' },
            { key: 'public', label: '公开报告' },
          ]}
        />
      </header>
      <main className="jx-main">
        <Suspense
          fallback={
            <div className="jx-page-loading">
              <Spin size="large" />
            </div>
          }
        >
          <Page route={route} />
        </Suspense>
      </main>
    </>
  );
}
