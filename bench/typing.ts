/**
 * npm run bench:typing — a keystroke to live figures in the browser (issue 15, goal 4), in Debian's Chromium.
 *
 * Starts the real `jixiao serve` on a fresh database (the seed), signs in as the seed's editor and opens the seed on
 * its 项目 page. Measures, with the page's Performance API:
 * - first contentful paint of the editor, loaded cold (new browser context) from the local server;
 * - keystroke latency: from a key's `keydown` (event.timeStamp) to the moment the project's execution rate on the
 *   page shows the figure recomputed from the new value (a MutationObserver; the findings come in the same
 *   update). Each key changes the amount (5 → 51, 512, 5123, 51234,
 *   5123, 512, 51, 5 …), and the next key waits for the update;
 * - the peer, in the same page and run: the same keystrokes into a bare <input> with no live evaluation, from
 *   `keydown` to its `input` event having run (what any keystroke costs the browser).
 * Prints median and p99 of each, the ratio to the peer, and the load; the summary last.
 * Usage: npm run bench:typing [-- ROUNDS] [--trace FILE] (8 keystrokes a round, default 40 rounds). With --trace, the
 * typing is recorded as a Chromium trace (every thread, the worker's too, with CPU samples) into FILE, to open in
 * the DevTools Performance panel; the trace slows the keys, so its run's figures are not the bench's.
 * Needs /usr/bin/chromium and web/dist (built with `npm run build:web` when missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_OPTIONS_AS_USED, hasChromium, launchBrowser, loginInBrowser } from '../web/e2e/browser.js';
import { startServer } from '../web/e2e/server.js';

const args = process.argv.slice(2);
const traceAt = args.indexOf('--trace');
const traceFile = traceAt >= 0 ? args.splice(traceAt, 2)[1] : undefined;
const rounds = Number(args[0] ?? '40');
const root = fileURLToPath(new URL('..', import.meta.url));
const KEYS = ['1', '2', '3', '4', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
const FIELD = '[data-path="projects.1.actual"] input[aria-label="实际支出"]';
const RATE = '[data-testid="project-rate-1"]';

if (!hasChromium) {
  console.error(`bench:typing: ${CHROMIUM} not found (apt-get install chromium)`);
  process.exit(1);
}
if (!existsSync(`${root}web/dist/index.html`)) {
  console.log('web/dist is missing: npm run build:web');
  if (spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};

/**
 * In the page, before the app: notes when the app posts to its analysis worker and when the answer arrives, so that
 * each keystroke's time splits into the keystroke's own work on the page (keydown → request posted), the analysis
 * (request → answer, waiting for a core and for the page's main thread included) and showing it (answer → figure on
 * the page). The app analyses a small document on the page, in the keystroke, and marks that analysis with a user
 * timing measure (`jixiao:analysis`): the split is then keydown → analysis, the analysis, and the rest.
 */
const PHASES = `(() => {
  const p = (window.jxPhases = { posted: null, answered: null });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    if (p.posted === null) p.posted = performance.now();
    return post.apply(this, args);
  };
  const handler = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get() { return handler.get.call(this); },
    set(fn) {
      handler.set.call(this, fn === null ? null : function (event) {
        if (p.answered === null) p.answered = performance.now();
        return fn.call(this, event);
      });
    },
  });
})()`;

/**
 * In the page: records each keydown's time and, after it, when the rate shows a new figure (or, for the peer, when
 * the bare input's `input` event has run). A string, not a function: tsx would add helpers the page lacks.
 */
const INSTRUMENT = (kind: 'rate' | 'peer') => `(() => {
  const b = (window.jxBench = { samples: [], phases: [], pending: null, last: '' });
  const ph = window.jxPhases ?? { posted: null, answered: null };
  const settle = () => {
    if (b.pending === null) return;
    const now = performance.now();
    b.samples.push(now - b.pending);
    const onPage = performance.getEntriesByName('jixiao:analysis', 'measure')[0];
    if (ph.posted !== null && ph.answered !== null)
      b.phases.push([ph.posted - b.pending, ph.answered - ph.posted, now - ph.answered]);
    else if (onPage !== undefined && onPage.startTime >= b.pending)
      b.phases.push([onPage.startTime - b.pending, onPage.duration, now - onPage.startTime - onPage.duration]);
    b.pending = null;
  };
  document.addEventListener('keydown', (e) => {
    b.pending = e.timeStamp;
    ph.posted = null;
    ph.answered = null;
  }, { capture: true });
  if (${JSON.stringify(kind)} === 'peer') {
    document.getElementById('jx-bench-peer').addEventListener('input', () => queueMicrotask(settle));
    return;
  }
  const rate = () => document.querySelector(${JSON.stringify(RATE)})?.textContent ?? '';
  b.last = rate();
  new MutationObserver(() => {
    const text = rate();
    if (text !== b.last) { b.last = text; settle(); }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** Presses the keys of `rounds` rounds into `selector`, each after the previous one's update; the samples. */
async function typeRounds(
  page: Page,
  selector: string,
  kind: 'rate' | 'peer',
): Promise<{ samples: number[]; phases: [number, number, number][] }> {
  await page.locator(selector).fill('5');
  await page.locator(selector).focus();
  await page.evaluate(INSTRUMENT(kind));
  for (let r = 0; r < rounds; r++) {
    for (const key of KEYS) {
      await page.keyboard.press(key);
      // A function, not a string: the app's Content-Security-Policy forbids eval.
      await page.waitForFunction(
        () => (window as unknown as { jxBench: { pending: unknown } }).jxBench.pending === null,
        null,
        {
          timeout: 20_000,
          polling: 'raf',
        },
      );
      await page.waitForTimeout(20);
    }
  }
  return page.evaluate<{ samples: number[]; phases: [number, number, number][] }>(
    '({ samples: window.jxBench.samples, phases: window.jxBench.phases })',
  );
}

const loadBefore = load();
const server = await startServer();
const browser = await launchBrowser(CHROMIUM_OPTIONS_AS_USED);
try {
  // First contentful paint of the editor, cold: a new context (empty cache) signed in, then the editor's address.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PHASES);
  await loginInBrowser(page, server.url, 'yuhua');
  const fcps: number[] = [];
  // The page paints its static shell (header, 正在加载…) first; `ready` is when the editor's fields are there.
  const readies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cold = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await cold.addCookies(await context.cookies());
    const p = await cold.newPage();
    await p.goto(`${server.url}/#/datasets/1/projects`);
    await p.locator(RATE).waitFor({ timeout: 60_000 });
    readies.push(await p.evaluate<number>('performance.now()'));
    fcps.push(await p.evaluate<number>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN"));
    await cold.close();
  }

  await page.goto(`${server.url}/#/datasets/1/projects`);
  await page.locator(RATE).waitFor({ timeout: 60_000 });
  if (traceFile !== undefined) await browser.startTracing(page);
  const { samples: typing, phases } = await typeRounds(page, FIELD, 'rate');
  if (traceFile !== undefined) writeFileSync(traceFile, await browser.stopTracing());
  await page.evaluate(`(() => {
    const input = document.createElement('input');
    input.id = 'jx-bench-peer';
    input.style.cssText = 'position:fixed;top:0;left:0;z-index:9999';
    document.body.append(input);
  })()`);
  const { samples: peer } = await typeRounds(page, '#jx-bench-peer', 'peer');

  const [median, p99] = [quantile(typing, 0.5), quantile(typing, 0.99)];
  const [peerMedian, peerP99] = [quantile(peer, 0.5), quantile(peer, 0.99)];
  const fcp = quantile(fcps, 0.5);
  const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');
  console.log(`键入基准 / typing: ${typing.length} keystrokes into 项目 实际支出 of the seed, Chromium headless`);
  console.log(`load average ${loadBefore} before, ${load()} after (1, 5, 15 min; ${availableParallelism()} cores)`);
  console.log(`keystroke → figures   median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  const phase = (i: number) =>
    quantile(
      phases.map((p) => p[i] ?? NaN),
      0.5,
    ).toFixed(1);
  console.log(
    `  of which, medians    keystroke on the page ${phase(0)} ms, analysis ${phase(1)} ms, showing it ${phase(2)} ms` +
      ` (${phases.length} keys)`,
  );
  console.log(`peer (bare <input>)   median ${peerMedian.toFixed(1)} ms, p99 ${peerP99.toFixed(1)} ms`);
  console.log(`editor FCP (cold)     ${fcps.map((f) => f.toFixed(0)).join(' / ')} ms, median ${fcp.toFixed(0)} ms`);
  const ready = quantile(readies, 0.5);
  console.log(
    `editor fields shown   ${readies.map((f) => f.toFixed(0)).join(' / ')} ms, median ${ready.toFixed(0)} ms`,
  );
  console.log(
    `summary: median ${median.toFixed(1)} ms (goal ≤ 16, ${ok(median <= 16)}), p99 ${p99.toFixed(1)} ms ` +
      `(goal ≤ 50, ${ok(p99 <= 50)}), ${(median / peerMedian).toFixed(1)} × / ${(p99 / peerP99).toFixed(1)} × ` +
      `the bare input; FCP ${fcp.toFixed(0)} ms (goal < 1000, ${ok(fcp < 1000)}), fields ${ready.toFixed(0)} ms; load ${loadavg()[0]?.toFixed(2)}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
