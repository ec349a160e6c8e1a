import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadedBytes, hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin, type ApiClient } from './server.js';
import { serverAndBrowser } from './harness.js';

type Detail = { latestRevision: { revisionNo: number }; document: Record<string, unknown> };
type Findings = { findings: { severity: string; key?: string; code: string; pathText: string }[] };

/** Someone else (the same department, another session) saves a revision over the API while the page is open. */
async function saveElsewhere(client: ApiClient, id: number, contact: string): Promise<number> {
  const current = await client.json<Detail>('GET', `/api/datasets/${id}`);
  const department = { ...(current.document['department'] as Record<string, unknown>), contact };
  const saved = await client.json<Detail>('PUT', `/api/datasets/${id}`, {
    baseRevision: current.latestRevision.revisionNo,
    document: { ...current.document, department },
  });
  return saved.latestRevision.revisionNo;
}

/** The department submits its latest revision (every warning explained) and the reviewer approves it. */
async function submitAndApprove(editor: ApiClient, reviewer: ApiClient, id: number): Promise<number> {
  const revisionNo = (await editor.json<Detail>('GET', `/api/datasets/${id}`)).latestRevision.revisionNo;
  const { findings } = await editor.json<Findings>('GET', `/api/datasets/${id}/findings?revision=${revisionNo}`);
  const explanations = Object.fromEntries(
    findings
      .filter((f) => f.severity === 'warning')
      .map((f) => [f.key ?? `${f.code}@${f.pathText}`, '执行中项目跨年度支付，已在项目说明中写明。']),
  );
  await editor.json('POST', `/api/datasets/${id}/submit`, { revisionNo, explanations });
  await reviewer.json('POST', `/api/datasets/${id}/approve`, { revisionNo });
  return revisionNo;
}

describe.skipIf(!hasChromium)('revisions: conflicts and publication (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let editor: ApiClient;
  let reviewer: ApiClient;

  beforeAll(async () => {
    page = await pageAs(app.browser, app.server.url, 'yuhua');
    editor = await apiLogin(app.server.url, 'yuhua');
    reviewer = await apiLogin(app.server.url, 'reviewer');
  });

  it('shows both versions on a 409 and keeps the one the user chooses', async () => {
    await page.goto(`${app.server.url}/#/datasets/1/basic`);
    await page.getByTestId('save-status').waitFor();
    const stamp = Date.now();
    const theirs = await saveElsewhere(editor, 1, `王五（他人修改 ${stamp}）`);

    await page.getByLabel('联系人', { exact: true }).fill(`李四（我的修改 ${stamp}）`);
    await page.getByTestId('save-now').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('版本冲突').waitFor({ timeout: STEP_MS });
    const dialogText = await dialog.innerText();
    // The field is named in words, as on the page where it is edited.
    expect(dialogText).toContain('基本情况 · 联系人');
    expect(dialogText).toContain(`李四（我的修改 ${stamp}）`);
    expect(dialogText).toContain(`王五（他人修改 ${stamp}）`);
    // Honest about what each choice keeps: taking theirs discards mine, which can be downloaded first.
    expect(dialogText).toContain('尚未保存的修改将被丢弃');
    expect(dialogText).toContain(`保存为第 ${theirs + 1} 版`);

    await dialog.getByRole('button', { name: /保留我的修改/ }).click();
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe(`第 ${theirs + 1} 版`);
    const saved = await editor.json<Detail>('GET', '/api/datasets/1');
    expect((saved.document['department'] as Record<string, unknown>)['contact']).toBe(`李四（我的修改 ${stamp}）`);
  });

  it('offers my version as a download before taking the server version', async () => {
    await page.goto(`${app.server.url}/#/datasets/1/basic`);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    const stamp = Date.now();
    const theirs = await saveElsewhere(editor, 1, `赵六（他人修改 ${stamp}）`);
    const contact = page.getByLabel('联系人', { exact: true });
    await contact.fill(`钱七（我的修改 ${stamp}）`);
    await page.getByTestId('save-now').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('版本冲突').waitFor({ timeout: STEP_MS });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-mine').click()]);
    expect(download.suggestedFilename()).toMatch(/我的版本\.json$/);
    const mine = JSON.parse((await downloadedBytes(download)).toString('utf8')) as Record<string, unknown>;
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
    await page.getByTestId('save-now').click();
    const failure = page.getByTestId('save-failure');
    await expect.poll(() => failure.innerText(), { timeout: STEP_MS }).toContain('2 秒后自动重试');
    expect(await failure.innerText()).toContain('服务暂不可用');
    await expect.poll(() => failure.innerText(), { timeout: STEP_MS }).toContain('4 秒后自动重试');

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
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    // Publishing is the reviewer's last step, on the revision the department submitted and the reviewer approved.
    const approved = await submitAndApprove(editor, reviewer, 1);
    const bureau = await pageAs(app.browser, app.server.url, 'reviewer', `#/datasets/1/report`);
    // Once the preview has loaded nothing moves any more: a confirmation opened earlier stays where the button was.
    await bureau.frameLocator('[data-testid=report-preview]').getByText('长沙市雨花区行政审批服务局').first().waitFor();
    await bureau.getByTestId('publish-button').click();
    await bureau
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await expect
      .poll(() => bureau.getByTestId('state-tag').first().getAttribute('data-state'), { timeout: STEP_MS })
      .toBe('published');
    expect(await bureau.getByTestId('state-tag').first().innerText()).toContain(`第 ${approved} 版`);

    await page.goto(`${app.server.url}/#/public`);
    const row = page.getByRole('row', { name: /长沙市雨花区行政审批服务局/ });
    await row.waitFor();
    const pdf = await row.getByRole('link', { name: /PDF/ }).getAttribute('href');
    const response = await fetch(`${app.server.url}${pdf ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('pdf');
  });

  it('still counts the revision as published in the bureau overview after a later save', async () => {
    const published = (await editor.json<Detail>('GET', '/api/datasets/1')).latestRevision.revisionNo;
    // A save after publication starts a new cycle (draft); the portal keeps the published revision.
    const later = await saveElsewhere(editor, 1, `周九 ${Date.now()}`);
    const bureau = await pageAs(app.browser, app.server.url, 'reviewer', '#/bureau/2020');
    const cell = bureau.getByTestId('cell-published');
    await expect.poll(() => cell.innerText(), { timeout: STEP_MS }).toBe(`第 ${published} 版（当前第 ${later} 版）`);
    const stat = bureau.locator('.ant-statistic').filter({ hasText: '已公开' });
    await expect.poll(() => stat.locator('.ant-statistic-content').innerText()).toBe('1');
  });
});
