import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerImport, ledgerProgressCommand } from './ledger.js';

const EXAMPLES = new URL('../../../examples/ledger/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-ledger-'));
const db = join(dir, 'ledger.sqlite');

/** Runs an action in-process and returns what it printed (stdout) and the exit code it set. */
async function captured(action: () => Promise<void>): Promise<{ out: string; code: number }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  process.exitCode = 0;
  try {
    await action();
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: chunks.join(''), code };
}

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao ledger', () => {
  it('imports the example and prints its reconciliation; a re-import counts nothing twice (exit 0)', async () => {
    const options = { budgets: join(EXAMPLES, 'budgets-2020.csv'), db };
    const first = await captured(() => ledgerImport(join(EXAMPLES, 'ledger-2020.csv'), options));
    expect(first).toEqual({
      code: 0,
      out: '流水导入完成：2020 年度，第 1 号导入，编码 UTF-8\n对账：读取 12 行 = 接收 12 + 拒收 0\n接收金额合计：1017605.50 元\n',
    });
    const again = await captured(() => ledgerImport(join(EXAMPLES, 'ledger-2020-gbk.csv'), { ...options, json: true }));
    expect(JSON.parse(again.out)).toMatchObject({
      ok: true,
      encoding: 'GB18030',
      linesRead: 12,
      accepted: 0,
      rejected: 12,
      rejectedByCode: { LEDGER_DUPLICATE_VOUCHER: 12 },
      acceptedTotal: '0.00',
      reconciled: true,
    });
    expect(again.code).toBe(0);
  });

  it('lists payment progress as of a date, lagging departments first', async () => {
    const { out, code } = await captured(() => ledgerProgressCommand({ asOf: '2020-03-31', db, json: true }));
    expect(code).toBe(0);
    const progress = JSON.parse(out) as { departments: Record<string, unknown>[]; laggingCount: number };
    expect(progress.laggingCount).toBe(2);
    const rows = progress.departments.map((d) => [
      d['departmentCode'],
      d['paid'],
      d['progress'],
      d['schedule'],
      d['lag'],
    ]);
    expect(rows).toEqual([
      ['430111009', '223838.83', '8.83', '25.00', '16.17'],
      ['430111010', '191666.67', '21.30', '25.00', '3.70'],
    ]);
    const text = await captured(() => ledgerProgressCommand({ asOf: '2020-03-31', db }));
    expect(text.out.split('\n')[0]).toBe('截至 2020-03-31 的支付进度（序时进度按月线性）：2 个部门，滞后 2 个');
  });
});
