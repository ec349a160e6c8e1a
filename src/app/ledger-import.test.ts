import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fen } from '../domain/money/index.js';
import { listAudit } from '../store/audit-repo.js';
import type { Store } from '../store/connect.js';
import { listLedgerImports, ledgerYearTotals } from '../store/ledger-queries.js';
import { saveLedgerImport } from '../store/ledger-repo.js';
import { testStores } from '../store/testing.js';
import { writeSyntheticBudgets, writeSyntheticLedger } from '../ingest/ledger/generate-ledger.js';
import { CLI_ACTOR } from './actor.js';
import type { AppContext } from './context.js';
import { importLedger } from './ledger-import.js';

const EXAMPLES = new URL('../../examples/ledger/', import.meta.url).pathname;
const LEDGER = join(EXAMPLES, 'ledger-2020.csv');
const BUDGETS = join(EXAMPLES, 'budgets-2020.csv');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testStores())('importLedger on $dialect', ({ open }) => {
  let store: Store;
  let ctx: AppContext;
  beforeAll(async () => {
    store = await open();
    ctx = { store, now: () => new Date('2020-12-31T08:00:00Z') };
  });
  afterAll(() => store.close());

  it('leaves nothing when the import fails before its commit, and a rerun completes it', async () => {
    const failing = (function* () {
      for (let i = 0; i < 1200; i++) {
        yield {
          departmentCode: `D${i}`,
          projectCode: '',
          economicCode: '30101',
          month: 1,
          amount: 1n as Fen,
          payments: 1,
        };
      }
      throw new Error('killed halfway');
    })();
    const write = {
      year: 2020,
      expectedImports: 0,
      run: {
        fileName: 'x.csv',
        fileSha256: 'x',
        budgetsSha256: 'x',
        encoding: 'UTF-8',
        bytes: 1,
        linesRead: 1200,
        accepted: 1200,
        rejected: 0,
        rejectedByCode: {},
        acceptedTotal: 1200n as Fen,
        actor: 'test',
        importedAt: '2020-12-31T08:00:00Z',
      },
      cells: failing,
      days: [],
      budgets: [],
      voucherChunks: [],
    };
    await expect(saveLedgerImport(store, write)).rejects.toThrow('killed halfway');
    expect(await listLedgerImports(store, 2020)).toEqual([]);
    expect(await ledgerYearTotals(store, 2020)).toEqual({ cells: 0n, days: 0n, runs: 0n });
  });

  it('imports the example with its reconciliation, the reject file and an audit entry', async () => {
    const rejectFile = join(dir, `rejects-${store.dialect}.csv`);
    const result = await importLedger(ctx, CLI_ACTOR, { ledgerPath: LEDGER, budgetsPath: BUDGETS, rejectFile });
    expect(result).toMatchObject({
      ok: true,
      value: { year: 2020, linesRead: 12, accepted: 12, rejected: 0, acceptedTotal: '1017605.50', reconciled: true },
    });
    expect(readFileSync(rejectFile, 'utf8')).toBe('\uFEFF行号,代码,原因,原始行\n');
    expect(await ledgerYearTotals(store, 2020)).toEqual({
      cells: 101_760_550n,
      days: 101_760_550n,
      runs: 101_760_550n,
    });
    const audit = await listAudit(store.db);
    expect(audit.at(-1)).toMatchObject({ action: 'dataset.import', entity: 'ledger_import' });
  });

  it('counts every voucher once when the same file and a later overlapping file are imported', async () => {
    const again = await importLedger(ctx, CLI_ACTOR, { ledgerPath: LEDGER, budgetsPath: BUDGETS });
    expect(again).toMatchObject({ ok: true, value: { accepted: 0, rejected: 12, acceptedTotal: '0.00' } });
    const later = join(dir, `later-${store.dialect}.csv`);
    const lines = readFileSync(LEDGER, 'utf8').trimEnd().split('\n');
    writeFileSync(
      later,
      [...lines.slice(0, 4), 'GK2020000013,2020-04-10,430111010,,30101,41666.67,职工工资专户'].join('\n'),
    );
    const rejectFile = join(dir, `later-rejects-${store.dialect}.csv`);
    const third = await importLedger(ctx, CLI_ACTOR, { ledgerPath: later, budgetsPath: BUDGETS, rejectFile });
    expect(third).toMatchObject({
      ok: true,
      value: { linesRead: 4, accepted: 1, rejected: 3, acceptedTotal: '41666.67' },
    });
    expect(readFileSync(rejectFile, 'utf8').split('\n')[1]).toBe(
      `2,LEDGER_DUPLICATE_VOUCHER,凭证号已导入过（本文件前文或以前的导入），不重复计入,"${lines[1]}"`,
    );
    expect(await ledgerYearTotals(store, 2020)).toEqual({
      cells: 105_927_217n,
      days: 105_927_217n,
      runs: 105_927_217n,
    });
    expect((await listLedgerImports(store, 2020)).map((r) => r.accepted)).toEqual([12, 0, 1]);
  });

  it('reads a ledger of 16 MB or more with its second thread started before the budgets, to the exact totals', async () => {
    const spec = { rows: 220_000, departments: 40, year: 2021, seed: 5 };
    const ledger = join(dir, 'large-2021.csv');
    const budgets = join(dir, 'large-budgets-2021.csv');
    const generated = writeSyntheticLedger(ledger, spec);
    writeSyntheticBudgets(budgets, spec);
    // Bad budgets first: the thread started for this large file is ended on the way out, and nothing is stored.
    const badBudgets = join(dir, 'large-bad-budgets.csv');
    writeFileSync(badBudgets, '部门编码,项目编码,经济分类编码,年初预算,调整数\n1,,30101,x,0\n');
    expect((await importLedger(ctx, CLI_ACTOR, { ledgerPath: ledger, budgetsPath: badBudgets })).ok).toBe(false);
    const result = await importLedger(ctx, CLI_ACTOR, { ledgerPath: ledger, budgetsPath: budgets });
    expect(result).toMatchObject({ ok: true, value: { linesRead: 220_000, accepted: 220_000, rejected: 0 } });
    expect((await ledgerYearTotals(store, 2021)).cells).toBe(generated.totalFen);
  }, 120_000);

  it('refuses bad budgets with every located problem and stores nothing', async () => {
    const budgets = join(dir, 'bad-budgets.csv');
    writeFileSync(
      budgets,
      '部门编码,项目编码,经济分类编码,年初预算,调整数\n430111009,,30101,1.234,0\n430111009,,30101,1,0\n430111009,,30101,1,0\n',
    );
    const result = await importLedger(ctx, CLI_ACTOR, { ledgerPath: LEDGER, budgetsPath: budgets });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'INVALID') return;
    expect(result.error.findings.map((f) => [f.location, f.code])).toEqual([
      [`${budgets}:2`, 'BUDGET_BAD_AMOUNT'],
      [`${budgets}:4`, 'BUDGET_DUPLICATE_LINE'],
    ]);
    expect(await listLedgerImports(store, 2020)).toHaveLength(3);
  });
});
