import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, newAppContext, pageAs, STEP_MS } from './browser.js';
import { serverAndBrowser } from './harness.js';

const FIELD = 'selfEvaluation.executionExplanation';
const REMARK = '部门预算执行率 84.87% 低于 90%，请在“预算执行率偏低的原因说明”中写明原因。';
const REASON = '部分项目资金于年底下达，跨年度支付，致执行率偏低。';
const ANSWER = '已补充执行率偏低的原因说明。';
const EXPLANATION = '项目跨年度实施，资金按合同进度支付，已在项目说明中写明。';

/** The field's review mark: a count once it has comments, a faint "add" mark for the reviewer before. */
const markOf = (page: Page, key: string) => page.locator(`[data-comment-for="${key}"]`);

/** The state of the dataset as the page shows it (the tag in the breadcrumb). */
const stateOf = (page: Page) => page.getByTestId('state-tag').first().getAttribute('data-state');

/** 提交审核: every warning gets an explanation (kept ones are pre-filled), then the dialog's own button. */
async function submit(page: Page, fill: boolean): Promise<number> {
  await expect
    .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: STEP_MS })
    .toBe('saved');
  await page.getByRole('button', { name: /提交审核/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '提交审核：第' });
  await dialog.getByText('条警告须逐条说明原因').waitFor({ timeout: STEP_MS });
  const boxes = dialog.getByTestId('explanation');
  const count = await boxes.count();
  for (let i = 0; i < count; i += 1) {
    const box = boxes.nth(i);
    if (fill) await box.fill(EXPLANATION);
    else expect(await box.inputValue()).toBe(EXPLANATION);
  }
  await dialog.getByRole('button', { name: /提交审核/ }).click();
  await expect.poll(() => stateOf(page), { timeout: STEP_MS }).toBe('submitted');
  return count;
}

describe.skipIf(!hasChromium)('review workflow: submit, comment, return, answer, resubmit, approve, publish', () => {
  const app = serverAndBrowser();
  let editor: Page;
  let reviewer: Page;

  it('the department submits the seed with an explanation for each warning', async () => {
    editor = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/basic');
    await expect.poll(() => stateOf(editor), { timeout: STEP_MS }).toBe('draft');
    expect(await editor.getByTestId('user-role').innerText()).toBe('部门填报人');
    // The seed has four warnings (execution rate, three projects) and no errors.
    expect(await submit(editor, true)).toBe(4);
    const banner = editor.getByTestId('state-banner');
    await expect.poll(() => banner.innerText()).toContain('已提交审核，等待财政局审核；第 1 版');
    // The submitted revision is frozen: read-only for its own editor too, and nothing to submit again.
    expect(await editor.getByLabel('联系人', { exact: true }).isDisabled()).toBe(true);
    expect(await editor.getByRole('button', { name: /提交审核/ }).count()).toBe(0);
  });

  it('the reviewer finds it in the queue and reads the explanation of each warning', async () => {
    reviewer = await pageAs(app.browser, app.server.url, 'reviewer', '#/bureau');
    const queue = reviewer.getByTestId('queue-submitted');
    await expect.poll(() => queue.innerText(), { timeout: STEP_MS }).toContain('长沙市雨花区行政审批服务局');
    await reviewer.getByTestId('queue-open-1').click();
    await expect.poll(() => stateOf(reviewer), { timeout: STEP_MS }).toBe('submitted');
    // Read-only for the reviewer: inputs disabled, no save, only the review actions.
    expect(await reviewer.getByTestId('save-status').innerText()).toContain('只读');
    // The department's explanation of each warning, as submitted.
    const notes = reviewer.getByTestId('submission-notes');
    await notes.getByText('第 1 版提交说明（4）').click();
    await expect.poll(() => notes.getByTestId('submission-explanation').count()).toBe(4);
    expect(await notes.innerText()).toContain(EXPLANATION);
  });

  it('the reviewer comments on a field and returns the revision', async () => {
    await reviewer.getByRole('tab', { name: '绩效指标', exact: true }).click();
    const field = reviewer.locator(`[data-path="${FIELD}"]`);
    await field.waitFor();
    expect(await field.isDisabled()).toBe(true);

    await markOf(reviewer, FIELD).click();
    const thread = reviewer.getByTestId('field-thread');
    await thread.getByLabel('对此字段的审核意见').fill(REMARK);
    await thread.getByRole('button', { name: /发表意见/ }).click();
    await expect.poll(() => markOf(reviewer, FIELD).getAttribute('data-count'), { timeout: STEP_MS }).toBe('1');
    const panel = reviewer.getByTestId('review-panel');
    await expect.poll(() => panel.innerText()).toContain(REMARK);
    expect(await panel.innerText()).toContain('绩效指标 · 预算执行率偏低的原因说明');

    await reviewer.getByRole('button', { name: /退\s*回/ }).click();
    const dialog = reviewer.getByRole('dialog').filter({ hasText: '退回第 1 版' });
    await dialog.getByLabel('退回意见').fill('请按字段意见修改后重新提交。');
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await expect.poll(() => stateOf(reviewer), { timeout: STEP_MS }).toBe('returned');
  });

  it('the department sees the comment beside the field and corrects the field', async () => {
    // The department opens the dataset again (a fresh load: the page it left open still shows 已提交).
    await editor.goto(`${app.server.url}/#/datasets/1/indicators`);
    await editor.reload();
    await expect.poll(() => stateOf(editor), { timeout: STEP_MS }).toBe('returned');
    const mark = markOf(editor, FIELD);
    await expect.poll(() => mark.getAttribute('data-count'), { timeout: STEP_MS }).toBe('1');
    await mark.click();
    const thread = editor.getByTestId('field-thread');
    await expect.poll(() => thread.innerText()).toContain(REMARK);
    expect(await thread.innerText()).toContain('财政局审核人');

    // The panel's link opens the field it names.
    await editor.getByTestId('review-panel').getByTestId('review-open').first().click();
    const field = editor.locator(`[data-path="${FIELD}"]`);
    await field.fill(REASON);
    await editor.getByTestId('save-now').click();
    await expect.poll(() => editor.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 2 版');
  });

  it('the department answers the comment and submits again', async () => {
    const mark = markOf(editor, FIELD);
    const thread = editor.getByTestId('field-thread');
    await mark.click();
    await thread.getByLabel('答复审核意见').fill(ANSWER);
    await thread.getByRole('button', { name: /答\s*复/ }).click();
    await expect.poll(() => mark.getAttribute('data-count'), { timeout: STEP_MS }).toBe('2');
    await expect.poll(() => editor.getByTestId('review-panel').innerText()).toContain(ANSWER);
    await editor.keyboard.press('Escape');

    // The explained warning is gone; the three left keep the explanations given at the first submission.
    expect(await submit(editor, false)).toBe(3);
    await expect
      .poll(() => editor.getByTestId('state-banner').innerText())
      .toContain('已提交审核，等待财政局审核；第 2 版');
  });

  it('the reviewer approves and publishes it', async () => {
    await reviewer.goto(`${app.server.url}/#/bureau`);
    await reviewer.getByTestId('queue-open-1').click();
    await expect.poll(() => stateOf(reviewer), { timeout: STEP_MS }).toBe('submitted');
    expect(await reviewer.getByTestId('state-tag').first().innerText()).toContain('第 2 版');
    await reviewer.getByRole('button', { name: /审核通过/ }).click();
    await reviewer
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /审核通过/ })
      .click();
    await expect.poll(() => stateOf(reviewer), { timeout: STEP_MS }).toBe('approved');
    await reviewer.getByTestId('publish-button').click();
    await reviewer
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await expect.poll(() => stateOf(reviewer), { timeout: STEP_MS }).toBe('published');

    // Every step is in the audit log, in Chinese (no codes on the page).
    await reviewer.goto(`${app.server.url}/#/audit`);
    const table = reviewer.getByTestId('audit-table');
    await expect
      .poll(async () => (await table.getByTestId('audit-action').allInnerTexts()).length, {
        timeout: STEP_MS,
      })
      .toBeGreaterThan(3);
    expect(await table.innerText()).not.toMatch(/[A-Z_]{4,}/);
  });

  it('an anonymous visitor reads it on the public portal', async () => {
    const context = await newAppContext(app.browser);
    const visitor = await context.newPage();
    await visitor.goto(`${app.server.url}/#/public`);
    const row = visitor.getByRole('row', { name: /长沙市雨花区行政审批服务局/ });
    await row.waitFor({ timeout: STEP_MS });
    expect(await visitor.getByTestId('login-form').count()).toBe(0);
    const [report] = await Promise.all([
      context.waitForEvent('page'),
      row.getByRole('link', { name: /在线阅读/ }).click(),
    ]);
    await report.waitForLoadState();
    expect(await report.locator('body').innerText()).toContain('雨花区行政审批服务局');
    const html = await (
      await fetch(`${app.server.url}${await row.getByRole('link', { name: /在线阅读/ }).getAttribute('href')}`)
    ).text();
    expect(html).toContain('四、存在的问题及原因分析');
    expect(html).toContain('2020年度部门整体支出绩效自评表');
    // The department's own API is closed to the visitor; the portal shows the corrected revision.
    expect((await fetch(`${app.server.url}/api/datasets/1`)).status).toBe(401);
    const published = (await (await fetch(`${app.server.url}/api/public/reports`)).json()) as { revision: number }[];
    expect(published.map((p) => p.revision)).toContain(2);
    await context.close();
  });
});
