import { describe, expect, it } from 'vitest';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

describe.skipIf(!hasChromium)('drafted problems (Chromium)', () => {
  const app = serverAndBrowser();

  it('saves an accepted problem in the dataset and prints it in section 四 of the report', async () => {
    const page = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/problems');
    const item = page.getByTestId('problem').filter({ hasText: '截至第一季度末' });
    await item.getByTestId('problem-accept').click();
    await expect.poll(() => item.getAttribute('data-decision')).toBe('accepted');
    await page.getByTestId('save-now').click();
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 2 版');

    const editor = await apiLogin(app.server.url, 'yuhua');
    const response = await editor.fetch('/api/datasets/1/report?format=md');
    const markdown = await response.text();
    // The department's own section 四 already states the 4.6 % lag, so the accepted draft is not printed a second time
    // (one fact, one mention); the department's paragraph prints as written.
    expect(markdown).toContain('第一季度项目支付序时进度只有4.6%');
    expect(markdown).not.toContain('截至第一季度末，项目支出累计支付进度为4.6%，低于序时进度25%');
  });
});
