import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { hasChromium, pageAs } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

/** Screenshots of the main pages for docs/screenshots (run with JIXIAO_SCREENSHOTS=1 npm run test:e2e). */
const wanted = process.env['JIXIAO_SCREENSHOTS'] === '1';
const OUT = process.env['JIXIAO_SCREENSHOTS_DIR'] ?? 'docs/screenshots';

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

/** The seed submitted by the department (every warning explained) and commented on by the reviewer. */
async function underReview(base: string): Promise<void> {
  const editor = await apiLogin(base, 'yuhua');
  type Findings = { findings: { severity: string; key: string }[] };
  const { findings } = await editor.json<Findings>('GET', '/api/datasets/1/findings?revision=1');
  const explanations = Object.fromEntries(
    findings.filter((f) => f.severity === 'warning').map((f) => [f.key, '项目跨年度实施，资金按合同进度支付。']),
  );
  await editor.json('POST', '/api/datasets/1/submit', { revisionNo: 1, explanations });
  const reviewer = await apiLogin(base, 'reviewer');
  const comments = [
    { path: '$.department.contact', body: '请填写联系人及联系电话。' },
    { path: '$.projects[1].actual', body: '实际支出与决算表不一致，请核对。' },
    { body: '支付进度明显滞后于序时进度，请在问题分析中说明原因。' },
  ];
  for (const c of comments) await reviewer.json('POST', '/api/datasets/1/comments', { revisionNo: 1, ...c });
}

describe.skipIf(!hasChromium || !wanted)('screenshots of the main pages', () => {
  const app = serverAndBrowser();

  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });

  it('takes them', async () => {
    const editor = await pageAs(app.browser, app.server.url, 'yuhua');
    const reviewer = await pageAs(app.browser, app.server.url, 'reviewer');
    for (const shot of PAGES) {
      const page = shot.as === 'reviewer' ? reviewer : editor;
      await page.goto(`${app.server.url}/${shot.hash}`);
      await shot.ready(page);
      await page.waitForTimeout(600); // charts animate in
      await page.screenshot({ path: `${OUT}/${shot.file}` });
    }

    // The review: the login page, then the reviewer on the submitted seed with a field's comments open.
    const visitor = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await visitor.goto(`${app.server.url}/#/`);
    await visitor.getByTestId('login-form').waitFor();
    await visitor.screenshot({ path: `${OUT}/login.png` });
    await underReview(app.server.url);
    await reviewer.goto(`${app.server.url}/#/datasets/1/basic`);
    await reviewer.locator('[data-comment-for="department.contact"]').click();
    await reviewer.getByTestId('field-thread').waitFor();
    await reviewer.waitForTimeout(400);
    await reviewer.screenshot({ path: `${OUT}/review.png` });
  });
});
