import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, loginInBrowser, newAppContext, pageAs, STEP_MS } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

const EDITOR = { name: 'e2e-start', password: 'e2e-start-password-1' };

describe.skipIf(!hasChromium)('start anything from the app (Chromium)', () => {
  const app = serverAndBrowser();

  it('creates a department, then a blank 自评表 year in it', async () => {
    const admin = await pageAs(app.browser, app.server.url, 'admin');
    await admin.getByTestId('new-department').click();
    await admin.getByLabel('预算编码').fill('E2E-NEW-1');
    await admin.getByLabel('部门名称').fill('新建测试局');
    await admin
      .getByRole('button', { name: /新\s*建/ })
      .last()
      .click();
    await expect.poll(() => admin.url(), { timeout: STEP_MS }).toMatch(/#\/departments\/\d+$/);
    const id = Number(/departments\/(\d+)/.exec(admin.url())?.[1]);
    await expect.poll(() => admin.locator('h3').first().innerText()).toBe('新建测试局');
    // Its editor (accounts are made on the 用户 page; here over the API) starts a year from a blank form.
    const api = await apiLogin(app.server.url, 'admin');
    await api.json('POST', '/api/users', {
      ...EDITOR,
      displayName: '新建测试局填报员',
      role: 'editor',
      departmentIds: [id],
    });
    const context = await newAppContext(app.browser);
    const page: Page = await context.newPage();
    await loginInBrowser(page, app.server.url, EDITOR.name, EDITOR.password, `#/departments/${id}`);
    await page.getByTestId('new-year').click();
    await page.getByRole('radio', { name: '空白表' }).check();
    await page.getByTestId('new-year-kind').click();
    await page.getByTitle('项目支出绩效自评表').click();
    await page.getByTestId('new-year-create').click();
    await expect
      .poll(() => page.getByTestId('document-kind').innerText(), { timeout: STEP_MS })
      .toBe('项目支出绩效自评表');
    expect(await page.getByRole('tab').allInnerTexts()).toContain('自评表');
  });

  it('rolls the seed over to 2021 with its prose that names 2020 flagged, and no stated figures', async () => {
    const page = await pageAs(app.browser, app.server.url, 'yuhua', '#/departments/1');
    await page.getByTestId('new-year').click();
    await page.getByRole('radio', { name: '以上年为基础' }).check();
    await page.getByTestId('new-year-create').click();
    await expect.poll(() => page.locator('h4').first().innerText(), { timeout: STEP_MS }).toContain('2021 年度');
    const panel = page.getByTestId('findings');
    await expect
      .poll(async () => Number(await panel.getAttribute('data-errors')), { timeout: STEP_MS })
      .toBeGreaterThan(0);
    expect(await panel.innerText()).toContain('沿用上年的文字尚未改写');
    const datasets = await (
      await apiLogin(app.server.url, 'yuhua')
    ).json<{ id: number; fiscalYear: number }[]>('GET', '/api/datasets');
    const rolled = datasets.find((d) => d.fiscalYear === 2021);
    const detail = await (
      await apiLogin(app.server.url, 'yuhua')
    ).json<{ document: Record<string, unknown> }>('GET', `/api/datasets/${rolled?.id}`);
    expect(detail.document['declared']).toEqual({});
  });
});
