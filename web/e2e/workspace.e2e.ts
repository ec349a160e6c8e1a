import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadedBytes, hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin, type ApiClient } from './server.js';
import { serverAndBrowser } from './harness.js';

describe.skipIf(!hasChromium)('department workspace (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let editor: ApiClient;

  beforeAll(async () => {
    editor = await apiLogin(app.server.url, 'yuhua');
  });

  it('gets from the home page to the seed report in three clicks', async () => {
    // The department's editor, signed in through the login page, lands on the home page.
    page = await pageAs(app.browser, app.server.url, 'yuhua');
    await page.getByRole('link', { name: '长沙市雨花区行政审批服务局' }).first().click(); // 1
    await page.getByRole('tab', { name: '报告', exact: true }).click(); // 2
    const preview = page.frameLocator('[data-testid="report-preview"]');
    await expect
      .poll(() => preview.locator('body').innerText(), { timeout: STEP_MS })
      .toContain('雨花区行政审批服务局');
  });

  it('recomputes a project execution rate and its finding as the user types', async () => {
    await page.getByRole('tab', { name: '项目', exact: true }).click();
    const rate = page.getByTestId('project-rate-1');
    await expect.poll(() => rate.innerText()).toBe('84.18%');
    const findings = page.getByTestId('finding');
    const mismatch = findings.filter({ hasText: '政务服务及政务大厅运转经费”执行率：报告所述' });
    expect(await mismatch.count()).toBe(0);

    const actual = page.locator('[data-path="projects.1.actual"]').getByLabel('实际支出', { exact: true });
    await actual.fill('90');
    await expect.poll(() => rate.innerText()).toBe('77.57%');
    await expect.poll(() => mismatch.count()).toBe(1);
    expect(await mismatch.first().innerText()).toContain('报告所述 84.18%');

    // The finding links to its field: the declared rate of that project gets the focus.
    await mismatch.first().locator('button').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-path]')?.getAttribute('data-path')))
      .toBe('projects.1.declared.executionRate');

    // 保存 ends the editing session: one revision for all of it.
    await page.getByTestId('save-now').click();
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 2 版');
  });

  it('takes an amount in 元 and converts it exactly into the dataset unit (万元)', async () => {
    const field = page.locator('[data-path="projects.0.actual"]');
    await field.getByRole('button', { name: /单位万元/ }).click();
    const input = field.getByLabel('实际支出', { exact: true });
    expect(await input.inputValue()).toBe('182100');
    await input.fill('188100.5');
    await expect.poll(() => page.getByTestId('project-rate-0').innerText()).toBe('80.04%');
    await field.getByRole('button', { name: /单位元/ }).click();
    expect(await input.inputValue()).toBe('18.81005');

    // 元 that cannot be converted (three decimals) stays on the field as an error; 万元 is never fed raw 元.
    await field.getByRole('button', { name: /单位万元/ }).click();
    await input.fill('188100.123');
    await expect.poll(() => field.getByTestId('amount-error').innerText()).toContain('元最多两位小数');
    await input.blur();
    expect(await input.inputValue()).toBe('188100.123');
    expect(await page.getByTestId('project-rate-0').innerText()).toBe('80.04%');
    await page.getByTestId('save-now').click();
    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: STEP_MS })
      .toBe('saved');
    const stored = (await (await editor.fetch('/api/datasets/1')).json()) as {
      document: { projects: { actual: string }[] };
    };
    expect(stored.document.projects[0]?.actual).toBe('18.81005');
    await field.getByRole('button', { name: /单位元/ }).click();
    expect(await input.inputValue()).toBe('18.81005');
    expect(await field.getByTestId('amount-error').count()).toBe(0);
  });

  it('downloads the DOCX report', async () => {
    await page.getByRole('tab', { name: '报告', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    const bytes = await downloadedBytes(download);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('雨花区行政审批服务局');
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });

  it('shows a slow download’s progress, keeps the page usable, and shows a refusal in words', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/report\?format=pdf/, async (route) => {
      await held;
      await route.continue();
    });
    const pdf = page.getByTestId('download-pdf');
    const finished = page.waitForEvent('download', { timeout: STEP_MS });
    await pdf.click();
    await expect.poll(() => pdf.innerText()).toContain('正在生成');
    // The page answers meanwhile: another tab opens while the file is being made.
    await page.getByRole('tab', { name: '基本情况', exact: true }).click();
    await page.getByLabel('联系人', { exact: true }).waitFor();
    release();
    const download = await finished;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.unroute(/\/report\?format=pdf/);

    await page.route(/\/export\?format=xlsx/, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'BUSY', message: '服务器繁忙，请稍后重试' }),
      }),
    );
    await page.getByRole('tab', { name: '报告', exact: true }).click();
    await page.getByTestId('download-xlsx').click();
    await page.getByText('服务器繁忙，请稍后重试').waitFor();
    await page.unroute(/\/export\?format=xlsx/);
  });
});
