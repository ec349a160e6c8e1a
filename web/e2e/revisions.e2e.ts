import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

type Detail = { latestRevision: { revisionNo: number }; document: Record<string, unknown> };

/** Someone else saves a revision over the API while the page is open. */
async function saveElsewhere(base: string, id: number, contact: string): Promise<number> {
  const current = (await (await fetch(`${base}/api/datasets/${id}`)).json()) as Detail;
  const department = { ...(current.document['department'] as Record<string, unknown>), contact };
  const response = await fetch(`${base}/api/datasets/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-jixiao-user': encodeURIComponent('另一位用户') },
    body: JSON.stringify({
      baseRevision: current.latestRevision.revisionNo,
      document: { ...current.document, department },
    }),
  });
  if (!response.ok) throw new Error(`PUT → ${response.status}`);
  return ((await response.json()) as Detail).latestRevision.revisionNo;
}

describe.skipIf(!hasChromium)('revisions: conflicts and publication (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows both versions on a 409 and keeps the one the user chooses', async () => {
    await page.goto(`${server.url}/#/datasets/1/basic`);
    await page.getByTestId('save-status').waitFor();
    const stamp = Date.now();
    const theirs = await saveElsewhere(server.url, 1, `王五（他人修改 ${stamp}）`);

    await page.getByLabel('联系人', { exact: true }).fill(`李四（我的修改 ${stamp}）`);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('版本冲突').waitFor({ timeout: 15_000 });
    const dialogText = await dialog.innerText();
    expect(dialogText).toContain('department.contact');
    expect(dialogText).toContain(`李四（我的修改 ${stamp}）`);
    expect(dialogText).toContain(`王五（他人修改 ${stamp}）`);
    // Honest about what each choice keeps: taking theirs discards mine, which can be downloaded first.
    expect(dialogText).toContain('尚未保存的修改将被丢弃');
    expect(dialogText).toContain(`保存为第 ${theirs + 1} 版`);

    await dialog.getByRole('button', { name: /保留我的修改/ }).click();
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: 15_000 }).toBe(`第 ${theirs + 1} 版`);
    const saved = (await (await fetch(`${server.url}/api/datasets/1`)).json()) as Detail;
    expect((saved.document['department'] as Record<string, unknown>)['contact']).toBe(`李四（我的修改 ${stamp}）`);
  });

  it('offers my version as a download before taking the server version', async () => {
    await page.goto(`${server.url}/#/datasets/1/basic`);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    const stamp = Date.now();
    const theirs = await saveElsewhere(server.url, 1, `赵六（他人修改 ${stamp}）`);
    const contact = page.getByLabel('联系人', { exact: true });
    await contact.fill(`钱七（我的修改 ${stamp}）`);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('版本冲突').waitFor({ timeout: 15_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-mine').click()]);
    expect(download.suggestedFilename()).toMatch(/我的版本\.json$/);
    const mine = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    expect((mine['department'] as Record<string, unknown>)['contact']).toBe(`钱七（我的修改 ${stamp}）`);

    await dialog.getByRole('button', { name: /放弃我的修改/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '放弃并采用服务器版本' }).click();
    await expect.poll(() => contact.inputValue()).toBe(`赵六（他人修改 ${stamp}）`);
    expect(await page.getByTestId('revision').innerText()).toBe(`第 ${theirs} 版`);
    expect(await page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
  });

  it('backs off after a failed save, shows it with a retry, and guards leaving the page', async () => {
    let failing = true;
    await page.route('**/api/datasets/1', (route) =>
      failing && route.request().method() === 'PUT'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: 'INTERNAL', message: '服务暂不可用' }),
          })
        : route.continue(),
    );
    await page.getByLabel('联系人', { exact: true }).fill(`孙八 ${Date.now()}`);
    const failure = page.getByTestId('save-failure');
    await expect.poll(() => failure.innerText(), { timeout: 15_000 }).toContain('2 秒后自动重试');
    expect(await failure.innerText()).toContain('服务暂不可用');
    await expect.poll(() => failure.innerText(), { timeout: 15_000 }).toContain('4 秒后自动重试');

    // Closing the tab now would lose the edit: the page asks the browser to confirm (beforeunload is cancelled).
    const guarded = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await guarded()).toBe(true);

    failing = false;
    await page.getByTestId('save-retry').click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    expect(await guarded()).toBe(false);
    await page.unroute('**/api/datasets/1');
  });

  it('publishes a revision, which the public portal then lists with its downloads', async () => {
    await page.getByRole('tab', { name: '报告', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await page.getByTestId('publish-button').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /公\s*开/ })
      .click();
    await page
      .getByText(/已公开/)
      .first()
      .waitFor();

    await page.goto(`${server.url}/#/public`);
    const row = page.getByRole('row', { name: /长沙市雨花区行政审批服务局/ });
    await row.waitFor();
    const pdf = await row.getByRole('link', { name: /PDF/ }).getAttribute('href');
    const response = await fetch(`${server.url}${pdf ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('pdf');
  });

  it('still counts the revision as published in the bureau overview after a later save', async () => {
    const published = ((await (await fetch(`${server.url}/api/datasets/1`)).json()) as Detail).latestRevision
      .revisionNo;
    const later = await saveElsewhere(server.url, 1, `周九 ${Date.now()}`);
    await page.goto(`${server.url}/#/bureau/2020`);
    const cell = page.getByTestId('cell-published');
    await expect.poll(() => cell.innerText(), { timeout: 20_000 }).toBe(`第 ${published} 版（当前第 ${later} 版）`);
    const stat = page.locator('.ant-statistic').filter({ hasText: '已公开' });
    await expect.poll(() => stat.locator('.ant-statistic-content').innerText()).toBe('1');
  });
});
