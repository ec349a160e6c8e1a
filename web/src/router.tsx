import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

/**
 * 路由: hash routes (#/datasets/3), so that any path works when the server only serves index.html at /.
 * One tiny module instead of a router dependency; pages read their parameters from `useRoute()`.
 */
export type Route =
  | { page: 'home' }
  | { page: 'department'; id: number }
  | { page: 'dataset'; id: number; tab: string | undefined }
  | { page: 'bureau'; year: number | undefined }
  | { page: 'compare'; departmentId: number }
  | { page: 'public' }
  | { page: 'audit' }
  | { page: 'notFound' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

function toInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, second, third] = parts;
  const id = toInt(second);
  if (head === undefined) return { page: 'home' };
  if (head === 'departments' && id !== undefined) return { page: 'department', id };
  if (head === 'datasets' && id !== undefined) return { page: 'dataset', id, tab: third };
  if (head === 'bureau' && second === 'compare' && toInt(third) !== undefined)
    return { page: 'compare', departmentId: toInt(third) ?? 0 };
  if (head === 'bureau') return { page: 'bureau', year: id };
  if (head === 'public') return { page: 'public' };
  if (head === 'audit') return { page: 'audit' };
  return { page: 'notFound' };
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}

export const href = {
  home: () => '#/',
  department: (id: number) => `#/departments/${id}`,
  dataset: (id: number, tab?: string) => (tab === undefined ? `#/datasets/${id}` : `#/datasets/${id}/${tab}`),
  bureau: (year?: number) => (year === undefined ? '#/bureau' : `#/bureau/${year}`),
  compare: (departmentId: number) => `#/bureau/compare/${departmentId}`,
  public: () => '#/public',
  audit: () => '#/audit',
};

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.location.replace(to);
  else window.location.hash = to.replace(/^#/, '');
}

/** A plain anchor (keyboard and middle-click work), styled by the surrounding component. */
export function Link(props: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick} className={props.className} data-testid={props.testId}>
      {props.children}
    </a>
  );
}
