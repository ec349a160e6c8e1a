import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The nice value of a heavy-work thread. Linux's scheduler then gives the HTTP loop (nice 0) about nine times a
 * worker's share of a busy core, so health checks and small requests are answered between two slices of a report or
 * an evaluation instead of waiting for one — on a 2-core machine the pool's workers would otherwise take both cores.
 */
export const WORKER_NICE = 10;

/** `JIXIAO_WORKER_NICE=0` keeps workers at normal priority (for comparing in benchmarks); 0–19, else the default. */
export function configuredWorkerNice(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.JIXIAO_WORKER_NICE;
  const value = text === undefined || !/^\d{1,2}$/.test(text) ? NaN : Number(text);
  return value >= 0 && value <= 19 ? value : WORKER_NICE;
}

/**
 * Lowers the calling thread's priority (Linux: setpriority with the thread's id applies to that thread alone).
 * Elsewhere, or where /proc is missing, the thread keeps its priority: slower answers under load, nothing wrong.
 */
export function lowerThisThreadPriority(nice = configuredWorkerNice()): boolean {
  if (nice === 0) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

/** The nice value of each thread of this process (Linux; empty elsewhere), for tests and diagnostics. */
export function threadNiceValues(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state is field 3, nice field 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const nice = Number(fields[16]);
      return Number.isInteger(nice) ? [nice] : [];
    });
  } catch {
    return [];
  }
}
