import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, pageAs, STEP_MS } from './browser.js';
import { apiLogin, type ApiClient } from './server.js';
import { serverAndBrowser } from './harness.js';

type Counts = { error: number; warning: number; info: number };
type CheckOutput = { counts: Counts; findings: { code: string; pathText: string }[] };
type OverviewRow = { datasetId: number; errorCount: number; warningCount: number; infoCount: number };

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SLOW = 120_000;

/** What `jixiao check` lists for the seed, the file the server loaded into dataset 1. */
async function checkSeed(): Promise<CheckOutput> {
  const run = promisify(execFile);
  const result = await run(process.execPath, ['bin/jixiao.js', 'check', 'examples/yuhua-2020.yaml', '--json'], {
    cwd: repo,
  }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // exit 1 when there is an error finding
  return JSON.parse(result.stdout) as CheckOutput;
}

const panelCounts = async (page: Page): Promise<Counts> => {
  const panel = page.getByTestId('findings');
  const read = async (name: string) => Number(await panel.getAttribute(`data-${name}`));
  return { error: await read('errors'), warning: await read('warnings'), info: await read('infos') };
};

describe.skipIf(!hasChromium)('one set of findings, in words (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let editor: ApiClient;
  let check: CheckOutput;

  beforeAll(async () => {
    editor = await apiLogin(app.server.url, 'yuhua');
    check = await checkSeed();
    page = await pageAs(app.browser, app.server.url, 'yuhua');
  });

  it(
    'lists what jixiao check lists on the seed, with the counts of the home page and the bureau overview',
    async () => {
      // The home page's tags for the seed's dataset.
      const home = page.locator('body');
      await expect.poll(() => home.innerText(), { timeout: STEP_MS }).toContain(`警告 ${check.counts.warning}`);

      await page.goto(`${app.server.url}/#/datasets/1/basic`);
      await page.getByTestId('finding').first().waitFor({ timeout: STEP_MS });
      expect(await panelCounts(page)).toEqual(check.counts);
      const codes = await page
        .getByTestId('finding')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
      expect([...codes].sort()).toEqual(check.findings.map((f) => f.code).sort());

      const reviewer = await apiLogin(app.server.url, 'reviewer');
      const rows = await reviewer.json<OverviewRow[]>('GET', '/api/overview?year=2020');
      const row = rows.find((r) => r.datasetId === 1);
      expect(row && { error: row.errorCount, warning: row.warningCount, info: row.infoCount }).toEqual(check.counts);

      // Grouped by page, in words; codes and paths only once 技术信息 is opened.
      const panel = page.getByTestId('findings');
      const groups = await panel
        .getByTestId('findings-group')
        .evaluateAll((g) => g.map((s) => s.getAttribute('data-tab')));
      expect(groups.length).toBeGreaterThan(0);
      expect(await panel.innerText()).not.toMatch(/\$\.|\b[A-Z][A-Z_]{3,}\b/);
      const first = panel.getByTestId('tech-info').first();
      await first.locator('summary').click();
      expect(await first.innerText()).toMatch(/\b[A-Z][A-Z_]{3,}\b/);
      expect(await first.innerText()).toContain('$.');
    },
    SLOW,
  );

  it(
    'offers the computed figures for stated ones an edit made wrong, showing each change first',
    async () => {
      await page.goto(`${app.server.url}/#/datasets/1/projects`);
      const actual = page.locator('[data-path="projects.1.actual"]').getByLabel('实际支出', { exact: true });
      await actual.fill('90');
      const adopt = page.getByTestId('adopt-computed');
      await adopt.waitFor({ timeout: STEP_MS });
      const errorsBefore = (await panelCounts(page)).error;
      expect(errorsBefore).toBeGreaterThan(0);
      await adopt.click();
      const changes = page.getByTestId('adopt-changes');
      const text = await changes.innerText();
      expect(text).toContain('项目“政务服务及政务大厅运转经费”报告所述执行率：84.18% → 77.57%');
      expect(text).toContain('报告陈述数 · 支出决算数：840.74 → 833.09');
      expect(text).not.toMatch(/\$\.|[A-Za-z]{3,}/);
      await page.getByRole('button', { name: '采用以上计算数' }).click();
      // Every stated figure now agrees; what is left are the raw data the edit itself made inconsistent.
      await expect.poll(() => adopt.count(), { timeout: STEP_MS }).toBe(0);
      expect((await panelCounts(page)).error).toBeLessThan(errorsBefore);
      const errors = page.getByTestId('finding').filter({ hasText: /^错误/ });
      for (const message of await errors.allInnerTexts()) expect(message).not.toContain('报告所述');
      await page.getByTestId('save-now').click();
      await expect.poll(() => page.getByTestId('revision').innerText(), { timeout: STEP_MS }).toBe('第 2 版');
      const stored = await editor.json<{ document: { declared: Record<string, string> } }>('GET', '/api/datasets/1');
      expect(stored.document.declared['expenditureTotal']).toBe('833.09');
    },
    SLOW,
  );
});
