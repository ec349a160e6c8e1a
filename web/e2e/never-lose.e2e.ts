import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin, type ApiClient } from './server.js';
import { serverAndBrowser } from './harness.js';

type Detail = { latestRevision: { revisionNo: number }; document: { department: { contact?: string } } };

const status = (page: Page) => page.getByTestId('save-status').getAttribute('data-status');

describe.skipIf(!hasChromium)('never lose an edit (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let editor: ApiClient;

  beforeAll(async () => {
    editor = await apiLogin(app.server.url, 'yuhua');
    page = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/basic');
  });

  it('asks before another page of the app is opened, and saves one revision on 保存并离开', async () => {
    await expect.poll(() => status(page)).toBe('saved');
    const contact = page.getByLabel('联系人', { exact: true });
    const text = `周九（离开前 ${Date.now()}）`;
    await contact.fill(text);
    await contact.pressSequentially('。');

    // A menu click right after typing: asked, and 留在此页 keeps everything.
    await page.locator('.jx-header').getByText('公开报告').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '留在此页' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('#/datasets/1/basic');
    expect(await contact.inputValue()).toBe(`${text}。`);
    // Switching the editor's own tabs needs no question.
    await page.getByRole('tab', { name: '收入', exact: true }).click();
    await page.getByRole('tab', { name: '基本情况', exact: true }).click();
    expect(await dialog.count()).toBe(0);

    // A link (the breadcrumb): 保存并离开 writes one revision for the whole session, then leaves.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '部门数据' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '保存并离开' }).click();
    await expect.poll(() => page.url(), { timeout: STEP_MS }).not.toContain('#/datasets/1');
    const stored = await editor.json<Detail>('GET', '/api/datasets/1');
    expect(stored.latestRevision.revisionNo).toBe(2);
    expect(stored.document.department.contact).toBe(`${text}。`);
  });

  it('gets an unsaved draft back after a reload', async () => {
    await page.goto(`${app.server.url}/#/datasets/1/basic`);
    await expect.poll(() => status(page)).toBe('saved');
    const text = `吴十（重新加载前 ${Date.now()}）`;
    await page.getByLabel('联系人', { exact: true }).fill(text);
    // The draft is kept in this browser within a moment of typing; no revision is written for it.
    // The draft of this very edit (a draft of an earlier state would not be offered: it equals the saved document).
    const drafts = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('jixiao.draft.1.'))
          .map((k) => localStorage.getItem(k) ?? ''),
      );
    await expect.poll(async () => (await drafts()).map((d) => d.includes(text))).toEqual([true]);
    // The tab going away would save (the session ends); here that save never arrives, as after a crash or power cut.
    const refuse = '**/api/datasets/1';
    await page.route(refuse, (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    page.once('dialog', (d) => void d.accept()); // the browser's own "leave site?" question
    await page.reload();
    const banner = page.getByTestId('draft-banner');
    await banner.waitFor({ timeout: STEP_MS }).catch(async (e: unknown) => {
      // Say what the page had instead: the drafts kept and whether the editor was there at all.
      const kept = await drafts().catch(() => []);
      const fields = await page.getByLabel('联系人', { exact: true }).count();
      throw new Error(
        `没有出现草稿提示：草稿 ${kept.length} 份，含本次修改 ${kept.filter((d) => d.includes(text)).length} 份，编辑页字段 ${fields} 个`,
        { cause: e },
      );
    }); // a whole page load on a busy machine
    expect(await banner.innerText()).toContain('发现未保存的修改');
    expect(await page.getByLabel('联系人', { exact: true }).inputValue()).not.toBe(text);
    await page.unroute(refuse);
    await banner.getByRole('button', { name: /^恢\s*复$/ }).click();
    await expect.poll(() => page.getByLabel('联系人', { exact: true }).inputValue()).toBe(text);
    // Restored, not saved: 待保存 at once (it used to say 已保存 until the restored document's check came back).
    expect(await status(page)).toBe('pending');
    await page.getByTestId('save-now').click();
    await expect.poll(() => status(page), { timeout: STEP_MS }).toBe('saved');
    const stored = await editor.json<Detail>('GET', '/api/datasets/1');
    expect(stored.document.department.contact).toBe(text);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao.draft.')))).toEqual(
      [],
    );
  });

  it('asks too when the pending edit is invalid, and 放弃修改 leaves without saving', async () => {
    await expect.poll(() => status(page)).toBe('saved');
    const before = (await editor.json<Detail>('GET', '/api/datasets/1')).latestRevision.revisionNo;
    await page.getByRole('tab', { name: '基本情况', exact: true }).click();
    await page.getByLabel('部门名称', { exact: true }).fill('');
    await expect.poll(() => status(page)).toBe('invalid');
    await page.locator('.jx-header').getByText('公开报告').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: '保存并离开' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '放弃修改' }).click();
    await expect.poll(() => page.url(), { timeout: STEP_MS }).toContain('#/public');
    expect((await editor.json<Detail>('GET', '/api/datasets/1')).latestRevision.revisionNo).toBe(before);
  });
});
