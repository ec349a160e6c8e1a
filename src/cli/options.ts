import type { Command } from 'commander';
import { EXIT_INVALID_INPUT } from './fail.js';

/**
 * A commander argParser for a positive integer option (`--dataset 3`, `--port 8080`): anything else stops the
 * run with `选项 --port 应为正整数（收到 abc）` and exit 2, so no NaN reaches a use case.
 */
export function positiveInteger(program: Command, option: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? '' : `，不大于 ${max}`;
      program.error(`选项 ${option} 应为正整数${range}（收到 ${value}）`, { exitCode: EXIT_INVALID_INPUT });
    }
    return n;
  };
}
