import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin, type ApiClient } from './server.js';
import { serverAndBrowser } from './harness.js';

type Detail = { latestRevision: { revisionNo: number }; document: { department: { contact?: string } } };
const SLOW = 120_000;

describe.skipIf(!hasChromium)('版本: list, compare, restore (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let editor: ApiClient;
  let original: string | undefined; // the seed names no contact

  beforeAll(async () => {
    editor = await apiLogin(app.server.url, 'yuhua');
    original = (await editor.json<Detail>('GET', '/api/datasets/1')).document.department.contact;
    page = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/basic');
  });

  it(
    'lists revisions with their changes in words and restores an earlier one as a new revision',
    async () => {
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
      await page.getByLabel('联系人', { exact: true }).fill('郑十一');
      await page.getByTestId('save-now').click();
      await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 2 版');

      await page.getByTestId('versions-button').click();
      const drawer = page.getByTestId('versions');
      const second = drawer.locator('[data-testid="version"][data-revision="2"]');
      await expect.poll(() => second.innerText(), { timeout: STEP_MS }).toContain('基本情况 · 联系人：填写为 郑十一');
      expect(await second.innerText()).toContain('当前');
      expect(await drawer.getByTestId('version-diff').innerText()).toContain('郑十一');

      await drawer.locator('[data-testid="version"][data-revision="1"]').getByTestId('version-restore').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '恢复第 1 版' });
      await expect
        .poll(() => dialog.getByTestId('restore-changes').innerText(), { timeout: STEP_MS })
        .toContain('基本情况 · 联系人：已清空（原为 郑十一）');
      await dialog.getByRole('button', { name: '保存为第 3 版' }).click();
      await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 3 版');
      expect(await page.getByLabel('联系人', { exact: true }).inputValue()).toBe(original ?? '');
      const stored = await editor.json<Detail>('GET', '/api/datasets/1');
      expect(stored.latestRevision.revisionNo).toBe(3);
      expect(stored.document.department.contact).toBe(original);
    },
    SLOW,
  );

  it(
    'refuses to restore over a revision someone else saved meanwhile (409), writing nothing',
    async () => {
      const current = await editor.json<Detail>('GET', '/api/datasets/1');
      const theirs = { ...current.document, department: { ...current.document.department, contact: '他人' } };
      await editor.json('PUT', '/api/datasets/1', { baseRevision: 3, document: theirs });
      const drawer = page.getByTestId('versions');
      await drawer.locator('[data-testid="version"][data-revision="2"]').getByTestId('version-restore').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '恢复第 2 版' });
      await dialog.getByRole('button', { name: '保存为第 4 版' }).click();
      await page.getByText('恢复前已有他人保存了新版本').waitFor({ timeout: STEP_MS });
      const stored = await editor.json<Detail>('GET', '/api/datasets/1');
      expect(stored.latestRevision.revisionNo).toBe(4);
      expect(stored.document.department.contact).toBe('他人');
    },
    SLOW,
  );
});
