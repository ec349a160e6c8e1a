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

    await dialog.getByRole('button', { name: /保留我的修改/ }).click();
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: 15_000 }).toBe(`第 ${theirs + 1} 版`);
    const saved = (await (await fetch(`${server.url}/api/datasets/1`)).json()) as Detail;
    expect((saved.document['department'] as Record<string, unknown>)['contact']).toBe(`李四（我的修改 ${stamp}）`);
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
});
