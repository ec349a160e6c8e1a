import { useSyncExternalStore } from 'react';
import { authApi } from '../api/accounts.js';
import { isUnauthenticated, onUnauthenticated, setCsrfToken } from '../api/http.js';
import type { SessionAnswer, User } from '../api/review-types.js';

/**
 * 登录状态, one store for the whole app. `expired` keeps the previous user: the page stays mounted (with its
 * unsaved edits) under a login dialog, and `logins` counts sign-ins so waiting work (a save) can retry after one.
 */
export type Session =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: User; logins: number }
  | { status: 'expired'; user: User; logins: number };

let current: Session = { status: 'loading' };
let logins = 0;
const listeners = new Set<() => void>();

function set(next: Session): void {
  current = next;
  for (const listener of listeners) listener();
}

function signedIn(answer: SessionAnswer): void {
  setCsrfToken(answer.csrfToken);
  logins += 1;
  set({ status: 'signed-in', user: answer.user, logins });
}

// Any later 401 means the session ended on the server: ask for a login over the page instead of leaving it.
onUnauthenticated(() => {
  if (current.status === 'signed-in') set({ status: 'expired', user: current.user, logins: current.logins });
});

/** At start: the cookie's session, if the server still knows it. */
export async function loadSession(): Promise<void> {
  try {
    signedIn(await authApi.session());
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    setCsrfToken(null);
    set({ status: 'anonymous' });
  }
}

export async function login(name: string, password: string): Promise<User> {
  const answer = await authApi.login(name, password);
  signedIn(answer);
  return answer.user;
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } finally {
    setCsrfToken(null);
    set({ status: 'anonymous' });
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => current);
}

/** The signed-in (or expired) user; null before login. */
export function useUser(): User | null {
  const session = useSession();
  return session.status === 'signed-in' || session.status === 'expired' ? session.user : null;
}

/** How many times someone signed in since the page loaded: changes after a re-login. */
export function useLogins(): number {
  const session = useSession();
  return session.status === 'signed-in' ? session.logins : 0;
}
