import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, loginInBrowser, newAppContext, STEP_MS } from './browser.js';
import { apiLogin } from './server.js';
import { serverAndBrowser } from './harness.js';

type Counts = { error: number; warning: number; info: number };

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** `score`: what the 得分 tab shows — a form's own total (`jixiao score`), or that there is nothing to score. */
const EXAMPLES: readonly { file: string; kind: string; hidden: readonly string[]; score: string }[] = [
  { file: 'mof-project-form-2020', kind: '项目支出绩效自评表', hidden: ['收入', '三公'], score: '99.64' },
  { file: 'guizhou-department-form-2021', kind: '部门整体支出绩效自评表', hidden: ['收入', '三公'], score: '99.19' },
  {
    file: 'hunan-final-accounts-2021',
    kind: '部门决算说明',
    hidden: ['自评表'],
    score: '本文档没有绩效自评表，无可评分的内容',
  },
];
const EDITOR = { name: 'e2e-kinds', password: 'e2e-kinds-password-1' };

/** What `jixiao check --json` counts for an example file. */
async function checkCounts(file: string): Promise<Counts> {
  const run = promisify(execFile);
  const result = await run(process.execPath, ['bin/jixiao.js', 'check', `examples/${file}.yaml`, '--json'], {
    cwd: repo,
  }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return (JSON.parse(result.stdout) as { counts: Counts }).counts;
}

const panelCounts = async (page: Page): Promise<Counts> => {
  const panel = page.getByTestId('findings');
  const read = async (name: string) => Number(await panel.getAttribute(`data-${name}`));
  return { error: await read('errors'), warning: await read('warnings'), info: await read('infos') };
};

/** One department per example (two are 2021) and one editor for all three, made by the administrator. */
async function departments(base: string): Promise<number[]> {
  const admin = await apiLogin(base, 'admin');
  const ids: number[] = [];
  for (const [i, e] of EXAMPLES.entries()) {
    const d = await admin.json('POST', '/api/departments', {
      code: `E2E-K${i}`,
      name: `文档类型测试${i}（${e.kind}）`,
    });
    ids.push(d['id'] as number);
  }
  await admin.json('POST', '/api/users', {
    name: EDITOR.name,
    displayName: '文档类型测试填报员',
    role: 'editor',
    departmentIds: ids,
    password: EDITOR.password,
  });
  return ids;
}

describe.skipIf(!hasChromium)('document kinds in the editor (Chromium)', () => {
  const app = serverAndBrowser();
  let page: Page;
  let ids: number[];
  const errors: string[] = [];

  beforeAll(async () => {
    ids = await departments(app.server.url);
    const context = await newAppContext(app.browser, { width: 1366, height: 800 });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await loginInBrowser(page, app.server.url, EDITOR.name, EDITOR.password);
  });

  it.each(EXAMPLES.map((e, i) => [e.file, i] as const))(
    'imports %s through the app and shows its kind, its forms and the findings of jixiao check',
    async (file, i) => {
      const example = EXAMPLES[i];
      if (example === undefined) throw new Error('no example');
      const counts = await checkCounts(file);
      await page.goto(`${app.server.url}/#/departments/${ids[i]}`);
      await page.getByTestId('new-year').click();
      await page.getByRole('radio', { name: '导入文件' }).check();
      await page.getByTestId('import-new').waitFor({ timeout: STEP_MS });
      await page.locator('input[type="file"]').setInputFiles({
        name: `${file}.yaml`,
        mimeType: '',
        buffer: readFileSync(`${repo}examples/${file}.yaml`),
      });
      await expect.poll(() => page.getByTestId('document-kind').innerText(), { timeout: STEP_MS }).toBe(example.kind);
      const tabs = () => page.getByRole('tab').allInnerTexts();
      for (const hidden of example.hidden) expect(await tabs()).not.toContain(hidden);
      await page.getByTestId('findings').waitFor({ timeout: STEP_MS });
      await expect.poll(() => panelCounts(page), { timeout: STEP_MS }).toEqual(counts);
      expect(counts).toEqual({ error: 0, warning: 0, info: 0 });
      if (example.hidden.includes('自评表')) {
        await page.getByRole('tab', { name: '收入' }).click();
        await expect
          .poll(() => page.locator('body').innerText(), { timeout: STEP_MS })
          .toContain('实际预算收入（万元）');
      } else {
        await page.getByRole('tab', { name: '自评表' }).click();
        const form = page.getByTestId('form-table').first();
        await form.waitFor({ timeout: STEP_MS });
        const text = await form.innerText();
        for (const word of ['年初预算数', '全年预算数', '全年执行数', '年度指标值', '实际完成值', '分值', '总分']) {
          expect(text).toContain(word);
        }
        expect(await form.getByTestId('form-total').innerText()).toMatch(/\d+\.\d{2} 分/);
        // Beside the printed cells, what Jixiao computes: each source's rate, score and share of the total spent.
        if (file === 'mof-project-form-2020')
          expect(await form.getByTestId('form-computed').allInnerTexts()).toContain('95.88% · — · 占 86.17%');
        // Fits 1366 px without sideways scrolling, and no code or English word outside 技术信息.
        const over = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.ant-tabs-tabpane-active .ant-table-content')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => el.scrollWidth - el.clientWidth)
            .filter((d) => d > 1),
        );
        expect(over).toEqual([]);
        expect(text).not.toMatch(/\$\.|[A-Za-z]{3,}/);
      }
      // 得分: a form document's score is its form's own (not the empty narrative table's), a 决算说明 has none.
      await page.getByRole('tab', { name: '得分' }).click();
      const score = page.getByTestId('score');
      await score.waitFor({ timeout: STEP_MS });
      await expect.poll(() => score.innerText(), { timeout: STEP_MS }).toContain(example.score);
      if (!example.hidden.includes('自评表')) {
        const card = score.getByTestId('form-score');
        expect(await card.count()).toBe(1);
        const shown = await card.innerText();
        for (const word of ['一级指标', '二级指标', '三级指标', '分值', '得分', '总分', '等级', '优']) {
          expect(shown).toContain(word);
        }
        expect(shown).not.toMatch(/\$\.|[A-Za-z]{3,}/);
      }
      expect(errors).toEqual([]);
    },
  );
});
