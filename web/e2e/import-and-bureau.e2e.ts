import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../src/ingest/read-dataset.js';
import { datasetToWorkbook } from '../../src/ingest/excel/write-workbook.js';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { serverAndBrowser } from './harness.js';
import { apiLogin } from './server.js';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-e2e-xlsx-'));

/** The seed as a workbook with one bad amount planted in 收入!C2. */
async function workbookWithError(): Promise<string> {
  const read = await readDatasetFile('examples/yuhua-2020.yaml');
  if (!read.ok) throw new Error('seed unreadable');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await datasetToWorkbook(read.dataset)) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('收入');
  if (sheet === undefined) throw new Error('sheet 收入 missing');
  sheet.getCell('C2').value = 'x12';
  const file = join(scratch, '雨花区-有错误.xlsx');
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

/** Appends revision n+1 with a document that is not JSON, straight into the server's SQLite file. */
function appendBrokenRevision(dbFile: string, datasetId: number): void {
  const db = new Database(dbFile);
  try {
    db.prepare(
      `INSERT INTO revisions (dataset_id, revision_no, based_on, author, created_at, summary, change_count, document,
         unit, year_start_budget_total, full_year_budget_total, income_total, expenditure_total, execution_rate,
         error_count, warning_count)
       SELECT dataset_id, revision_no + 1, revision_no, 'e2e', created_at, '损坏', 0, '{"projects": [',
         unit, year_start_budget_total, full_year_budget_total, income_total, expenditure_total, execution_rate,
         error_count, warning_count
       FROM revisions WHERE dataset_id = ? ORDER BY revision_no DESC LIMIT 1`,
    ).run(datasetId);
  } finally {
    db.close();
  }
}

/**
 * A second department for 2020 with a lower execution rate, so that sorting has something to order: the
 * administrator creates the department and its editor's account, and that editor files the dataset.
 */
async function addSecondDepartment(base: string): Promise<void> {
  const admin = await apiLogin(base, 'admin');
  const department = await admin.json('POST', '/api/departments', { code: 'E2E-002', name: '示例区测试局' });
  const password = 'e2e-editor-password-2';
  await admin.json('POST', '/api/users', {
    name: 'e2e-ceshi',
    displayName: '示例区测试局填报员',
    role: 'editor',
    departmentIds: [department['id']],
    password,
  });
  const editor = await apiLogin(base, 'e2e-ceshi', password);
  const seed = parse(readFileSync('examples/yuhua-2020.yaml', 'utf8')) as Record<string, unknown>;
  const basic = seed['basicExpenditure'] as Record<string, unknown>;
  const document = {
    ...seed,
    department: { ...(seed['department'] as Record<string, unknown>), name: '示例区测试局', shortName: '测试局' },
    basicExpenditure: { ...basic, actual: '400' },
  };
  await editor.json('POST', '/api/datasets', { departmentId: department['id'], document });
}

describe.skipIf(!hasChromium)('Excel import and bureau overview (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let bureau: Page;

  beforeAll(async () => {
    // The department's editor imports; the bureau's reviewer reads the overview.
    page = await pageAs(app.browser, app.server.url, 'yuhua');
    bureau = await pageAs(app.browser, app.server.url, 'reviewer');
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('names the cell of an error in an imported workbook, and imports nothing', async () => {
    await page.goto(app.server.url);
    await page.getByRole('link', { name: '长沙市雨花区行政审批服务局' }).first().click();
    await expect.poll(() => page.getByTestId('revision').innerText()).toMatch(/第 \d+ 版/);
    const before = await page.getByTestId('revision').innerText();
    // As some browsers hand over an .xlsx: without a content type (the web app must type it, else 415).
    const file = await workbookWithError();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '雨花区-有错误.xlsx', mimeType: '', buffer: readFileSync(file) });
    const cells = page.getByTestId('import-error-cell');
    await expect.poll(() => cells.allInnerTexts(), { timeout: STEP_MS }).toContain('收入!C2');
    expect(await page.getByTestId('import-errors').innerText()).toContain('不是有效金额');
    await page.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByTestId('revision').innerText()).toBe(before);
  });

  it('lists every department of the year and sorts them by execution rate', async () => {
    await addSecondDepartment(app.server.url);
    await bureau.goto(`${app.server.url}/#/bureau/2020`);
    const table = bureau.getByTestId('overview-table');
    const rates = () => table.getByTestId('cell-executionRate').allInnerTexts();
    await expect.poll(async () => (await rates()).length, { timeout: STEP_MS }).toBeGreaterThanOrEqual(2);
    const asNumbers = async () => (await rates()).map((t) => Number.parseFloat(t));
    await table.getByRole('columnheader', { name: '预算执行率' }).click();
    const ascending = await asNumbers();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await table.getByRole('columnheader', { name: '预算执行率' }).click();
    const descending = await asNumbers();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).not.toBe(descending.at(-1));
  });

  it.skipIf(Boolean(process.env['JIXIAO_E2E_URL']))(
    'shows a department whose data cannot be read as an error row, and every other department',
    async () => {
      // The server computes the rows: plant a revision with a broken document (as a damaged database would hold)
      // on the second department, appended like any save, so the cached row of its previous revision is not used.
      const reviewer = await apiLogin(app.server.url, 'reviewer');
      const datasets = await reviewer.json<{ id: number; departmentName: string }[]>('GET', '/api/datasets?year=2020');
      const broken = datasets.find((d) => d.departmentName === '示例区测试局');
      expect(broken).toBeDefined();
      appendBrokenRevision(join(app.server.dbDir, 'jixiao.sqlite'), broken?.id ?? 0);
      await bureau.goto(`${app.server.url}/#/bureau/2020`);
      await bureau.reload();
      const statuses = bureau.getByTestId('overview-table').getByTestId('cell-status');
      await expect.poll(() => statuses.allInnerTexts(), { timeout: STEP_MS }).toContain('无法计算');
      expect((await statuses.allInnerTexts()).length).toBeGreaterThanOrEqual(2);
      const table = await bureau.getByTestId('overview-table').innerText();
      expect(table).toContain('长沙市雨花区行政审批服务局');
      expect(table).toContain('示例区测试局');
    },
  );
});
