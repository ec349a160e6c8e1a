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
  | { page: 'monitoring' }
  | { page: 'notFound' };

/**
 * 离开守卫: a page with unsaved edits (the editor) registers one. `allows(to)` says whether going to `to` needs no
 * question (the editor's own tabs); otherwise `ask(to, proceed)` asks the user and calls `proceed()` to go on.
 * Every in-app move passes here — links, menu clicks, `navigate()`, and typed or back/forward hash changes.
 */
export type LeaveGuard = { allows: (to: string) => boolean; ask: (to: string, proceed: () => void) => void };

let guard: LeaveGuard | null = null;
let shown = typeof window === 'undefined' ? '' : window.location.hash;
let bypass = false;
const listeners = new Set<() => void>();

/** Registers the page's guard (null removes it); returns a function that removes it again. */
export function setLeaveGuard(next: LeaveGuard | null): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

const sameHash = (a: string, b: string) => a.replace(/^#\/?/, '') === b.replace(/^#\/?/, '');

function onHashChange(): void {
  const to = window.location.hash;
  if (sameHash(to, shown)) return;
  if (!bypass && guard !== null && !guard.allows(to)) {
    // Back/forward or a typed address: put the page's address back (no new entry), then ask.
    window.history.replaceState(window.history.state, '', shown === '' ? '#/' : shown);
    guard.ask(to, () => go(to, false));
    return;
  }
  bypass = false;
  shown = to;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange);

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

const currentHash = (): string => shown;

function go(to: string, replace: boolean): void {
  bypass = true;
  const target = to.startsWith('#') ? to : `#${to}`;
  if (sameHash(target, window.location.hash)) {
    bypass = false;
    onHashChange();
  } else if (replace) window.location.replace(target);
  else window.location.hash = target.replace(/^#/, '');
}

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
  if (head === 'monitoring') return { page: 'monitoring' };
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
  monitoring: () => '#/monitoring',
};

/** Goes to `to`, after the page's leave guard (if any) agreed or asked the user. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const replace = options.replace === true;
  if (guard !== null && !guard.allows(to)) guard.ask(to, () => go(to, replace));
  else go(to, replace);
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
