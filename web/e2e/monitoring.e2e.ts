import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { hasChromium, pageAs } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

const example = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../examples/ledger/${name}`, import.meta.url))).toString('base64');

describe.skipIf(!hasChromium)('双监控 from the treasury ledger (Chromium)', () => {
  const app = serverAndBrowser();

  it('shows each department’s payment progress against 序时进度 as of a date, lagging first', async () => {
    const admin = await apiLogin(app.server.url, 'admin');
    const imported = await admin.json<{ accepted: number }>('POST', '/api/ledger/import', {
      fileName: 'ledger-2020.csv',
      ledger: example('ledger-2020.csv'),
      budgets: example('budgets-2020.csv'),
    });
    expect(imported.accepted).toBe(12);

    const page = await pageAs(app.browser, app.server.url, 'reviewer', '#/monitoring');
    const view = page.getByTestId('monitoring-page');
    await view.waitFor();
    await view.locator('input[type=date]').fill('2020-06-30');
    await expect.poll(() => view.innerText()).toContain('2 个部门，滞后 2 个');
    const rows = await view.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('长沙市雨花区行政审批服务局');
    expect(rows[0]).toContain('18.38%');
    expect(rows[0]).toContain('50.00%');
    expect(rows[0]).toContain('滞后');
    expect(rows[1]).toContain('21.30%');
    // Lagging first, the most behind first: 31.62 points before 28.70.
    expect(await view.locator('canvas, svg').count()).toBeGreaterThan(0);

    // The bureau overview of the year shows the same ledger beside each department's dataset (as of 31 December).
    await page.goto(`${app.server.url}/#/bureau/2020`);
    const standing = page.getByTestId('ledger-standing');
    await standing.waitFor();
    expect(await standing.innerText()).toContain('国库支付数据截至 2020-12-31：2 个部门中 2 个滞后于序时进度');
    // Matched to the department's dataset by name (the demo department has no treasury code).
    const cell = page.getByTestId('cell-ledger-payment');
    await cell.first().waitFor();
    expect(await cell.allInnerTexts()).toEqual(['32.59%滞后']);
    await page.context().close();
  });
});
