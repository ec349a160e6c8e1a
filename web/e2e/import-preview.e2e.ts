import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/ingest/read-dataset.js';
import { datasetToWorkbook } from '../../src/ingest/excel/write-workbook.js';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { serverAndBrowser } from './harness.js';

/** The seed as another department's workbook: another name and code, one project's actual changed. */
async function otherDepartmentWorkbook(): Promise<Buffer> {
  const read = await readDatasetFile('examples/yuhua-2020.yaml');
  if (!read.ok) throw new Error('seed unreadable');
  const seed = read.dataset;
  const [first, ...rest] = seed.projects;
  if (first === undefined) throw new Error('seed has no project');
  const other = {
    ...seed,
    department: { ...seed.department, name: '长沙市岳麓区行政审批服务局', code: '999001' },
    projects: [{ ...first, actual: (first.actual + 100n) as typeof first.actual }, ...rest],
  };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await datasetToWorkbook(other)) as unknown as ExcelJS.Buffer);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.skipIf(!hasChromium)('import shows before it writes (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await pageAs(app.browser, app.server.url, 'yuhua', '#/datasets/1/basic');
  });

  it('warns about another department and lists the changes by page before anything is written', async () => {
    await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toMatch(/第 \d+ 版/);
    const before = await page.getByTestId('revision').innerText();
    const buffer = await otherDepartmentWorkbook();
    const choose = () =>
      page.locator('input[type="file"]').setInputFiles({ name: '岳麓区.xlsx', mimeType: '', buffer });
    await choose();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: STEP_MS });
    expect(await page.getByTestId('import-warning').first().innerText()).toContain('长沙市岳麓区行政审批服务局');
    const lines = (await page.getByTestId('import-change-lines').allInnerTexts()).join('\n');
    expect(lines).toContain('部门名称');
    expect(lines).toMatch(/实际支出：[\d.]+ → [\d.]+/);
    expect(await preview.innerText()).toContain('尚未写入任何数据');
    // 取消: nothing written.
    await page.getByTestId('import-cancel').click();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('revision').innerText()).toBe(before);
    const revisionCount = () =>
      page.evaluate(async () => ((await (await fetch('/api/datasets/1/revisions')).json()) as unknown[]).length);
    const count = await revisionCount();
    // 确认导入: one new revision.
    await choose();
    await page.getByTestId('import-confirm').click();
    await expect.poll(revisionCount, { timeout: STEP_MS }).toBe(count + 1);
  });
});
