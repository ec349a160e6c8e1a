import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, loginInBrowser, newAppContext } from './browser.js';
import { serverAndBrowser } from './harness.js';

const SLOW = 150_000;
const EDITOR_TABS = [
  'basic',
  'income',
  'expenditure',
  'threePublic',
  'projects',
  'payment',
  'indicators',
  'narrative',
  'declared',
  'score',
  'problems',
  'report',
];

/**
 * Names of file formats and products a finance officer sees on buttons and in help (下载 PDF, Excel 模板): words
 * of the trade, not codes. Anything else in Latin letters on a page is a leak of a code, a path or English.
 */
const ALLOWED = new Set(['PDF', 'DOCX', 'XLSX', 'HTML', 'Excel', 'Word', 'WPS', 'JSON', 'YAML']);

/** The text a person reads on the page now, without what is folded under 技术信息 and without the login name. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('.jx-tech, script, style, noscript')) el.remove();
    document.body.append(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

function leaks(text: string): string[] {
  const found = new Set<string>();
  if (text.includes('$.')) found.add('$.');
  for (const match of text.matchAll(/\b[A-Za-z][A-Za-z_]{2,}\b/g)) if (!ALLOWED.has(match[0])) found.add(match[0]);
  for (const match of text.matchAll(/\b[A-Z][A-Z_]{3,}\b/g)) if (!ALLOWED.has(match[0])) found.add(match[0]);
  return [...found];
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
}

/** How far each visible editor table is wider than its box (px), when it is: it would scroll sideways. */
function overflowingTables(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.ant-tabs-tabpane-active .ant-table-content, .ant-tabs-tabpane-active .ant-table-body',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.scrollWidth - el.clientWidth)
      .filter((d) => d > 1),
  );
}

/** What one signed-in walk through pages found: the words that leak per page, and the tables that overflow per tab. */
type Walk = { leaks: Record<string, string[]>; overflowing: Record<string, number[]> };

describe.skipIf(!hasChromium)('every page in Chinese, tables that fit (Chromium)', () => {
  const app = serverAndBrowser();

  /** A fresh 1366 px wide page signed in as `name` (or signed out for ''). */
  async function pageOf(name: string): Promise<Page> {
    const context = await newAppContext(app.browser, { width: 1366, height: 800 });
    const page = await context.newPage();
    if (name !== '') await loginInBrowser(page, app.server.url, name);
    return page;
  }

  /**
   * Visits each page and notes the words that leak on it; on the editor's tabs named in `measured`, also the tables
   * wider than their box (the same pages at the same width: one visit serves both checks).
   */
  async function walk(page: Page, hashes: readonly string[], measured: readonly string[] = []): Promise<Walk> {
    const found: Walk = { leaks: {}, overflowing: {} };
    for (const hash of hashes) {
      await page.goto(`${app.server.url}/${hash}`);
      await settle(page);
      const words = leaks(await visibleText(page));
      if (words.length > 0) found.leaks[hash] = words;
      if (!measured.includes(hash)) continue;
      const over = await overflowingTables(page);
      if (over.length > 0) found.overflowing[hash] = over;
    }
    return found;
  }

  it(
    'shows a visitor who is not signed in no path, upper-case code or English word on the public portal',
    async () => {
      const page = await pageOf('');
      expect((await walk(page, ['#/public'])).leaks).toEqual({});
      await page.context().close();
    },
    SLOW,
  );

  it.each([
    ['reviewer', ['#/bureau', '#/bureau/2020', '#/bureau/compare/1', '#/datasets/1/basic']],
    ['admin', ['#/audit', '#/']],
  ] as const)(
    'shows %s no path, upper-case code or English word outside 技术信息 on any page',
    async (name, hashes) => {
      const page = await pageOf(name);
      expect((await walk(page, hashes)).leaks).toEqual({});
      await page.context().close();
    },
    SLOW,
  );

  it(
    'shows yuhua every page and editor tab in Chinese, fits every editor table into 1366 px, and has a way back from a missing page',
    async () => {
      const page = await pageOf('yuhua');
      const home = await walk(page, ['#/', '#/departments/1', '#/no-such-page']);
      // The 404 page has a way back.
      await page.getByRole('link', { name: '返回首页' }).click();
      await expect.poll(() => page.url()).toMatch(/#\/$/);
      // The editor's tabs last: after the report tab's preview the page is never idle for settle's wait.
      const tabs = EDITOR_TABS.map((t) => `#/datasets/1/${t}`);
      const editor = await walk(page, tabs, tabs.slice(0, 9));
      expect({ ...home.leaks, ...editor.leaks }).toEqual({});
      expect(editor.overflowing).toEqual({});
      await page.context().close();
    },
    SLOW,
  );
});
