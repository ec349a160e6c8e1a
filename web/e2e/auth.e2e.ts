import { describe, expect, it } from 'vitest';
import { hasChromium, loginInBrowser, newAppContext, pageAs, STEP_MS } from './browser.js';
import { apiLogin, DEMO_PASSWORDS } from './server.js';
import { serverAndBrowser } from './harness.js';

type Detail = { latestRevision: { revisionNo: number }; document: { department: { contact?: string } } };

describe.skipIf(!hasChromium)('sign-in, session expiry and roles (Chromium)', () => {
  const app = serverAndBrowser();

  it('asks for a login, refuses a wrong password, then opens the page the address named', async () => {
    const context = await newAppContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/datasets/1/basic`);
    const form = page.getByTestId('login-form');
    await form.getByLabel('用户名').fill('yuhua');
    await form.getByLabel('密码').fill('not-the-password');
    expect((await form.getByTestId('login-submit').innerText()).replace(/\s/g, '')).toBe('登录');
    await form.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').innerText(), { timeout: STEP_MS })
      .toContain('用户名或密码错误');

    await form.getByLabel('密码').fill(DEMO_PASSWORDS.yuhua);
    await form.getByTestId('login-submit').click();
    await page.getByLabel('联系人', { exact: true }).waitFor({ timeout: STEP_MS });
    expect(page.url()).toContain('#/datasets/1/basic');
    expect(await page.getByTestId('user-role').innerText()).toBe('部门填报人');
    await context.close();
  });

  it('keeps the public portal open without a login', async () => {
    const context = await newAppContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/public`);
    await page.getByText('已公开的报告').waitFor({ timeout: STEP_MS });
    expect(await page.getByTestId('login-form').count()).toBe(0);
    await context.close();
  });

  it('on an expired session asks to sign in again and then saves the edit it kept', async () => {
    const page = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/basic');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    // The server forgets the session (as after 2 hours idle): the browser's cookie is no longer accepted.
    await page.context().clearCookies();
    const contact = `张三（过期后修改 ${Date.now()}）`;
    await page.getByLabel('联系人', { exact: true }).fill(contact);
    await page.getByTestId('save-now').click();

    const dialog = page.getByRole('dialog').filter({ hasText: '登录已过期，请重新登录' });
    await dialog.waitFor({ timeout: STEP_MS });
    expect(await page.getByTestId('save-failure').innerText()).toContain('登录已过期');
    expect(await page.getByLabel('联系人', { exact: true }).inputValue()).toBe(contact);
    await dialog.getByLabel('密码').fill(DEMO_PASSWORDS.yuhua);
    await dialog.getByTestId('login-submit').click();

    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: STEP_MS })
      .toBe('saved');
    expect(await page.getByTestId('revision').innerText()).toBe('第 2 版');
    const editor = await apiLogin(app.server.url, 'yuhua');
    const stored = await editor.json<Detail>('GET', '/api/datasets/1');
    expect(stored.document.department.contact).toBe(contact);
    await page.context().close();
  });

  it('shows the administrator a read-only dataset and the audit log, and changes a password', async () => {
    const page = await pageAs(app.browser, app.server.url, 'admin', '#/datasets/1/basic');
    await page.getByLabel('联系人', { exact: true }).waitFor({ timeout: STEP_MS });
    expect(await page.getByLabel('联系人', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('save-status').innerText()).toContain('只读');
    for (const action of [/提交审核/, /退\s*回/, /审核通过/, /发\s*布/, /导入/])
      expect(await page.getByRole('button', { name: action }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '操作日志' }).count()).toBe(1);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改密码' });
    const next = 'a-new-admin-password';
    await dialog.getByLabel('当前密码').fill(DEMO_PASSWORDS.admin);
    await dialog.getByLabel('新密码', { exact: true }).fill(next);
    await dialog.getByLabel('再次输入新密码').fill(next);
    await dialog.getByRole('button', { name: /修\s*改/ }).click();
    await page.getByText('密码已修改').waitFor({ timeout: STEP_MS });

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByTestId('login-form').waitFor();
    await loginInBrowser(page, app.server.url, 'admin', next, '#/audit');
    await page.getByTestId('audit-table').waitFor({ timeout: STEP_MS });
    await page.context().close();
  });
});
