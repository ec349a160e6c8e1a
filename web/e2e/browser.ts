import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { DEMO_PASSWORDS, type DemoAccount } from './server.js';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM);

/**
 * How long one step of a flow may take (an element appearing, a poll, a click waiting for its element). A step that
 * takes a second on a quiet machine took up to 20 s with three files at a time and other work running (load 12): an
 * import through the heavy-work thread on its first use. Waiting longer costs a passing test nothing; it only makes a
 * failing one report later, and the flow's own limit (240 s in vitest.config.ts) still bounds it.
 */
export const STEP_MS = 90_000;

if (!hasChromium) console.warn(`[e2e] 跳过：未找到 ${CHROMIUM}（apt-get install chromium）`);

/**
 * How the tests start Chromium: headless, no sandbox (containers), nothing that calls home, and JavaScript without V8's
 * optimising compilers (TurboFan, Maglev). A flow's pages live for seconds: compiling their hot functions again for
 * speed cost more than it gave back (the renderers' CPU for the same flow 21.4 → 15.8 s, two runs each, load 4–9).
 * What the code does is the same in every tier.
 */
export const CHROMIUM_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--js-flags=--no-opt --no-maglev',
  ],
};

/**
 * Chromium as a user runs it, V8's optimising compilers on: for measuring the app's speed (bench/typing.ts), which
 * the tests' settings would understate.
 */
export const CHROMIUM_OPTIONS_AS_USED = {
  ...CHROMIUM_OPTIONS,
  args: CHROMIUM_OPTIONS.args.filter((arg) => !arg.startsWith('--js-flags=')),
};

export function launchBrowser(options: typeof CHROMIUM_OPTIONS = CHROMIUM_OPTIONS): Promise<Browser> {
  return chromium.launch(options);
}

/**
 * The Chromium the e2e run shares (web/e2e/global-chromium.ts starts one for all files), else one of this file's
 * own. Each file still has its own contexts (cookies, storage), and closing it closes only those.
 */
export function browserForFile(endpoint: string | undefined): Promise<Browser> {
  return endpoint === undefined || endpoint === '' ? launchBrowser() : chromium.connect(endpoint);
}

/**
 * Signs in through the login page: every page but the public portal shows it without a session, and after
 * signing in the user is on the page the address named (`hash`, default the home page).
 */
export async function loginInBrowser(page: Page, base: string, name: string, password?: string, hash = '#/') {
  await page.goto(`${base}/${hash}`);
  const form = page.getByTestId('login-form');
  await form.getByLabel('用户名').fill(name);
  await form.getByLabel('密码').fill(password ?? DEMO_PASSWORDS[name as DemoAccount]);
  await form.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor({ timeout: STEP_MS });
}

/**
 * A fresh browser context (own cookies) that asks for reduced motion: the app then opens dialogs and drawers without
 * animation, so a click never meets a button that is still zooming into place on a busy machine.
 */
export async function newAppContext(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  // Playwright's own default (30 s) is a step limit too: the same reasoning as STEP_MS.
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  return context;
}

/** A fresh browser context signed in as `name`. */
export async function pageAs(browser: Browser, base: string, name: string, hash = '#/'): Promise<Page> {
  const context = await newAppContext(browser);
  const page = await context.newPage();
  await loginInBrowser(page, base, name, undefined, hash);
  return page;
}

/** A download's bytes, read through the browser connection (the shared Chromium keeps the file on its side). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
