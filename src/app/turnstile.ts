import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * 一次一个: runs the database part of writes one at a time, each in its own turn of the event loop. SQLite calls are
 * synchronous (better-sqlite3), and kysely's awaits resolve as microtasks, so ten saves whose evaluations come back
 * from the worker pool together would otherwise run their transactions back to back in one turn (~25 ms each under
 * load, the commit's fsync included) while `/api/health` and every other socket wait. Between two of them the loop
 * now reads the network. Order and outcome are the same: each write still checks its base revision under the lock.
 */
export class Turnstile {
  #tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(async () => {
      await nextTurn();
      return work();
    });
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

const turnstiles = new WeakMap<object, Turnstile>();

/** The turnstile of one store (two stores in one process, as in tests, never wait on each other). */
export function turnstileOf(store: object): Turnstile {
  let turnstile = turnstiles.get(store);
  if (turnstile === undefined) {
    turnstile = new Turnstile();
    turnstiles.set(store, turnstile);
  }
  return turnstile;
}
