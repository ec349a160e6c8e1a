import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { hasChromium, loginInBrowser, newAppContext, pageAs, STEP_MS } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

const SEED_TEXT = fileURLToPath(new URL('../../examples/seed/yuhua-2020-report.txt', import.meta.url));
const EDITOR = { name: 'e2e-report', password: 'e2e-report-password-1' };

type Dataset = { id: number; fiscalYear: number; departmentId: number };
type Detail = {
  latestRevision: { revisionNo: number };
  document: { declared?: Record<string, unknown>; department: { name: string } };
};

describe.skipIf(!hasChromium)('导入已有报告 (Chromium)', () => {
  const app = serverAndBrowser();

  it('reads the seed report, shows what it found and what does not add up, then creates the draft', async () => {
    const admin = await apiLogin(app.server.url, 'admin');
    const department = await admin.json<{ id: number }>('POST', '/api/departments', {
      code: 'E2E-REPORT-1',
      name: '报告导入测试局',
    });
    await admin.json('POST', '/api/users', {
      ...EDITOR,
      displayName: '报告导入测试局填报员',
      role: 'editor',
      departmentIds: [department.id],
    });
    const context = await newAppContext(app.browser);
    const page = await context.newPage();
    await loginInBrowser(page, app.server.url, EDITOR.name, EDITOR.password, `#/departments/${department.id}`);
    await page.getByTestId('new-year').click();
    await page.getByRole('radio', { name: '导入已有报告' }).check();
    await page.getByTestId('import-report').locator('input[type=file]').setInputFiles(SEED_TEXT);

    const summary = page.getByTestId('import-report-summary');
    await summary.waitFor({ timeout: STEP_MS });
    const text = await summary.innerText();
    expect(text).toContain('yuhua-2020-report.txt：2020 年度，识别数字 161 个，未归位 25 项');
    expect(text).toContain('核对发现 9 条：错误 0，警告 4，舍入差异 5，提示 0');
    // The report is another department's: said before anything is written.
    expect(await page.getByTestId('import-report-department').innerText()).toContain('长沙市雨花区行政审批服务局');
    const findings = await page.getByTestId('import-report-findings').innerText();
    expect(findings).toContain('部门预算执行率（全年预算口径）84.87%，低于 90%');
    expect(findings).toContain('舍入差异');
    const user = await apiLogin(app.server.url, EDITOR.name, EDITOR.password);
    expect(await user.json<Dataset[]>('GET', `/api/datasets?departmentId=${department.id}`)).toEqual([]);

    await page.getByTestId('import-report-create').click();
    await expect.poll(() => page.url(), { timeout: STEP_MS }).toMatch(/#\/datasets\/\d+/);
    const datasets = await user.json<Dataset[]>('GET', `/api/datasets?departmentId=${department.id}`);
    expect(datasets.map((d) => d.fiscalYear)).toEqual([2020]);
    const stored = await user.json<Detail>('GET', `/api/datasets/${datasets[0]?.id}`);
    expect(stored.document.department.name).toBe('长沙市雨花区行政审批服务局');
    expect(stored.document.declared).toBeDefined();
    await context.close();
  });

  it('offers a year the department already has as a new revision, after showing the changes', async () => {
    const page = await pageAs(app.browser, app.server.url, 'yuhua', '#/departments/1');
    await page.getByTestId('new-year').click();
    await page.getByRole('radio', { name: '导入已有报告' }).check();
    await page.getByTestId('import-report').locator('input[type=file]').setInputFiles(SEED_TEXT);
    await page.getByTestId('import-report-summary').waitFor({ timeout: STEP_MS });
    await page.getByTestId('import-report-create').click();
    const existing = page.getByTestId('import-report-existing');
    await existing.waitFor({ timeout: STEP_MS });
    expect(await existing.innerText()).toContain('该部门已有 2020 年度的数据集（当前第 1 版）');

    await page.getByTestId('import-report-into-existing').click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: STEP_MS });
    expect(await preview.innerText()).toMatch(/导入将修改 \d+ 处/);
    const editor = await apiLogin(app.server.url, 'yuhua');
    expect((await editor.json<Detail>('GET', '/api/datasets/1')).latestRevision.revisionNo).toBe(1);

    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.url(), { timeout: STEP_MS }).toMatch(/#\/datasets\/1/);
    await expect
      .poll(async () => (await editor.json<Detail>('GET', '/api/datasets/1')).latestRevision.revisionNo)
      .toBe(2);
    await page.context().close();
  });
});
