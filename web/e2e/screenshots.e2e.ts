import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasChromium, launchBrowser, pageAs } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** Screenshots of the main pages for docs/screenshots (run with JIXIAO_SCREENSHOTS=1 npm run test:e2e). */
const wanted = process.env['JIXIAO_SCREENSHOTS'] === '1';
const OUT = 'docs/screenshots';

/** Each page as the role that works on it: the department's editor, the bureau's reviewer, or nobody (public). */
type Shot = { file: string; hash: string; as?: 'reviewer'; ready: (page: Page) => Promise<unknown> };

const PAGES: readonly Shot[] = [
  { file: 'home.png', hash: '#/', ready: (p) => p.getByText('部门年度数据集').waitFor() },
  {
    file: 'editor-projects.png',
    hash: '#/datasets/1/projects',
    ready: (p) => p.getByTestId('project-rate-0').waitFor(),
  },
  {
    file: 'editor-expenditure.png',
    hash: '#/datasets/1/expenditure',
    ready: (p) => p.getByTestId('basic-lines').waitFor(),
  },
  { file: 'score.png', hash: '#/datasets/1/score', ready: (p) => p.getByTestId('score').waitFor() },
  { file: 'problems.png', hash: '#/datasets/1/problems', ready: (p) => p.getByText('识别出的问题').waitFor() },
  {
    file: 'report.png',
    hash: '#/datasets/1/report',
    ready: (p) =>
      p.frameLocator('[data-testid="report-preview"]').locator('body').getByText('部门整体支出').first().waitFor(),
  },
  {
    file: 'bureau.png',
    hash: '#/bureau/2020',
    as: 'reviewer',
    ready: (p) => p.getByTestId('overview-table').waitFor(),
  },
  { file: 'audit.png', hash: '#/audit', as: 'reviewer', ready: (p) => p.getByTestId('audit-table').waitFor() },
  { file: 'public.png', hash: '#/public', ready: (p) => p.getByText('已公开的报告').waitFor() },
];

describe.skipIf(!hasChromium || !wanted)('screenshots of the main pages', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes them', async () => {
    const editor = await pageAs(browser, server.url, 'yuhua');
    const reviewer = await pageAs(browser, server.url, 'reviewer');
    for (const shot of PAGES) {
      const page = shot.as === 'reviewer' ? reviewer : editor;
      await page.goto(`${server.url}/${shot.hash}`);
      await shot.ready(page);
      await page.waitForTimeout(600); // charts animate in
      await page.screenshot({ path: `${OUT}/${shot.file}` });
    }
  });
});
