import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../app/actor.js';
import { importLedger } from '../app/ledger-import.js';
import { writeSyntheticBudgets, writeSyntheticLedger } from '../ingest/ledger/generate-ledger.js';
import { openStore } from '../store/connect.js';
import { ledgerYearTotals, listLedgerImports } from '../store/ledger-queries.js';

/**
 * 崩溃安全（流水导入）: a ledger import killed with SIGKILL inside its transaction (after some of its sums were
 * written) leaves nothing — no run, no sums, no vouchers — SQLite's integrity check passes, and running the import
 * again completes it with the exact total, each voucher counted once.
 */
const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Spawns the child (TypeScript through tsx: up to a minute on a busy 2-core machine) and kills it mid-transaction. */
function killMidTransaction(file: string, ledger: string, budgets: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/ledger-crash-child.ts', file, ledger, budgets]);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('mid-transaction')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`${out}${err}`))));
  });
}

describe('ledger import under SIGKILL', () => {
  it('leaves nothing when killed inside its transaction, and a rerun completes it', { timeout: 180_000 }, async () => {
    const file = join(dir, 'crash.sqlite');
    const ledger = join(dir, 'ledger.csv');
    const budgets = join(dir, 'budgets.csv');
    const spec = { rows: 3000, departments: 50, projectsPerDepartment: 3, seed: 11 };
    writeSyntheticBudgets(budgets, spec);
    const generated = writeSyntheticLedger(ledger, spec);
    expect(await killMidTransaction(file, ledger, budgets)).toContain('mid-transaction');

    const sqlite = new Database(file);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
    const store = await openStore({ dialect: 'sqlite', file });
    try {
      expect(await listLedgerImports(store, 2020)).toEqual([]);
      expect(await ledgerYearTotals(store, 2020)).toEqual({ cells: 0n, days: 0n, runs: 0n });
      const ctx = { store, now: () => new Date('2021-01-05T00:00:00Z') };
      const rerun = await importLedger(ctx, CLI_ACTOR, { ledgerPath: ledger, budgetsPath: budgets });
      expect(rerun).toMatchObject({ ok: true, value: { linesRead: 3000, accepted: 3000, rejected: 0 } });
      const total = generated.totalFen;
      expect(await ledgerYearTotals(store, 2020)).toEqual({ cells: total, days: total, runs: total });
      const again = await importLedger(ctx, CLI_ACTOR, { ledgerPath: ledger, budgetsPath: budgets });
      expect(again).toMatchObject({ ok: true, value: { accepted: 0, rejected: 3000 } });
      expect(await ledgerYearTotals(store, 2020)).toEqual({ cells: total, days: total, runs: total });
    } finally {
      await store.close();
    }
  });
});
