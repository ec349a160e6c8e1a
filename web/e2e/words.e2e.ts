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

describe.skipIf(!hasChromium)('every page in Chinese, tables that fit (Chromium)', () => {
  const app = serverAndBrowser();

  async function scan(name: string, hashes: string[]): Promise<Record<string, string[]>> {
    const context = await newAppContext(app.browser, { width: 1366, height: 800 });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    await page.goto(`${app.server.url}/#/public`);
    await settle(page);
    const publicLeaks = leaks(await visibleText(page));
    if (publicLeaks.length > 0) found['#/public（未登录）'] = publicLeaks;
    if (name !== '') await loginInBrowser(page, app.server.url, name);
    for (const hash of hashes) {
      await page.goto(`${app.server.url}/${hash}`);
      await settle(page);
      const words = leaks(await visibleText(page));
      if (words.length > 0) found[hash] = words;
    }
    await context.close();
    return found;
  }

  it.each([
    ['yuhua', ['#/', '#/departments/1', '#/no-such-page']],
    ['yuhua', EDITOR_TABS.map((t) => `#/datasets/1/${t}`)],
    ['reviewer', ['#/bureau', '#/bureau/2020', '#/bureau/compare/1', '#/datasets/1/basic']],
    ['admin', ['#/audit', '#/']],
  ] as const)(
    'shows %s no path, upper-case code or English word outside 技术信息 on any page',
    async (name, hashes) => {
      expect(await scan(name, [...hashes])).toEqual({});
    },
    SLOW,
  );

  it(
    'fits every editor table into 1366 px without sideways scrolling',
    async () => {
      const context = await newAppContext(app.browser, { width: 1366, height: 800 });
      const page = await context.newPage();
      await loginInBrowser(page, app.server.url, 'yuhua');
      const overflowing: Record<string, number[]> = {};
      for (const tab of EDITOR_TABS.slice(0, 9)) {
        await page.goto(`${app.server.url}/#/datasets/1/${tab}`);
        await settle(page);
        const over = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLElement>(
              '.ant-tabs-tabpane-active .ant-table-content, .ant-tabs-tabpane-active .ant-table-body',
            ),
          ]
            .filter((el) => el.offsetParent !== null)
            .map((el) => el.scrollWidth - el.clientWidth)
            .filter((d) => d > 1),
        );
        if (over.length > 0) overflowing[tab] = over;
      }
      expect(overflowing).toEqual({});
      // The 404 page has a way back.
      await page.goto(`${app.server.url}/#/no-such-page`);
      await page.getByRole('link', { name: '返回首页' }).click();
      await expect.poll(() => page.url()).toMatch(/#\/$/);
      await context.close();
    },
    SLOW,
  );
});
