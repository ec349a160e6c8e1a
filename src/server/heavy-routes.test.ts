import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetFrom } from '../app/datasets.js';
import { readDatasetText } from '../ingest/read-dataset.js';
import { withLongestTexts } from '../report/testing/longest-texts.js';
import { createWorkerPool, type HeavyRunner } from '../app/heavy/pool.js';
import { seedIfEmpty } from '../app/seed.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { publishThroughWorkflow, startServer, type TestServer } from './testing.js';

const [sqlite] = testStores();

/** A file download, with /api/health asked every 20 ms until it has arrived: its answer and the health statuses. */
async function downloadWhileProbing(base: string, request: () => Promise<Response>) {
  const started = performance.now();
  let done = false;
  const file = request().then(async (response) => {
    const body = Buffer.from(await response.arrayBuffer());
    done = true;
    return { status: response.status, body, ms: performance.now() - started };
  });
  const health: number[] = [];
  let slowestHealthMs = 0;
  while (!done) {
    const asked = performance.now();
    health.push((await fetch(`${base}/api/health`)).status);
    slowestHealthMs = Math.max(slowestHealthMs, performance.now() - asked);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ...(await file), health, slowestHealthMs };
}

/** Reports and workbooks in the server's worker pool: the HTTP loop keeps answering, overruns answer 503. */
describe('heavy routes in worker threads', { timeout: 600_000 }, () => {
  let store: Store;
  let server: TestServer;
  let pool: HeavyRunner;
  beforeAll(async () => {
    store = await sqlite!.open();
    pool = createWorkerPool({ size: 1, timeoutMs: 120_000 });
    server = await startServer(store, { heavy: pool });
    await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml');
    // The seed's save is evaluated in the pool: its worker starts first (compiling through tsx, seconds under load).
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await pool.close();
    await store.close();
  });

  it('answers health while a PDF renders, and the PDF is whole', async () => {
    const answer = await downloadWhileProbing(server.base, () => server.fetch('/api/datasets/1/report?format=pdf'));
    expect(answer.status).toBe(200);
    expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(answer.health.length).toBeGreaterThan(0);
    expect(new Set(answer.health)).toEqual(new Set([200]));
  });

  it('publishes a dataset with the longest texts the limits allow; the public PDF renders while health answers', async () => {
    const read = readDatasetText(readFileSync('examples/yuhua-2020.yaml', 'utf8'), 'seed.yaml');
    if (!read.ok) throw new Error('seed unreadable');
    const longest = withLongestTexts({ ...read.dataset, fiscalYear: 2021 });
    const created = await createDatasetFrom(server.ctx, { departmentId: 1 }, longest, {
      kind: 'system',
      label: '测试',
    });
    if (!created.ok) throw new Error(created.error.message);
    const published = await publishThroughWorkflow(server, created.value.id, 1);
    expect(published.status).toBe(200);
    const portal = `${server.base}/api/public/reports/${created.value.id}?format=pdf`;
    const answer = await downloadWhileProbing(server.base, () => fetch(portal));
    expect(answer.status).toBe(200);
    expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(new Set(answer.health)).toEqual(new Set([200]));
    console.log(
      `longest-text PDF through the portal: ${answer.ms.toFixed(0)} ms, ${answer.health.length} health answers ` +
        `meanwhile, the slowest in ${answer.slowestHealthMs.toFixed(0)} ms`,
    );
    // Health answers throughout: a PDF rendered on the HTTP loop held it for minutes; in the pool the slowest answer
    // took 1.4 s at load 15 on 2 cores (every thread waiting its turn), so the bound is 5 s.
    expect(answer.health.length).toBeGreaterThan(0);
    expect(answer.slowestHealthMs).toBeLessThan(5_000);
  });

  // The 5 s bar for the longest-text PDF is a timing, so a benchmark measures it, not this test (a timed test fails on
  // a busy machine): `npx tsx scripts/bench-longest-report.ts` prints the render in-process (2.1 s at load 4).

  it('reads an existing report in the pool: the seed’s text and its PDF give the same year, figures and rounding', async () => {
    type Audit = { fiscalYear: number; figures: unknown[]; findings: { verdict: string; code: string }[] };
    const audit = async (bytes: Uint8Array, fileName: string) => {
      const body = new Uint8Array(bytes);
      const answer = await server.fetch(`/api/audit-report?fileName=${fileName}`, { method: 'POST', body });
      expect(answer.status).toBe(200);
      return (await answer.json()) as Audit;
    };
    const text = await audit(readFileSync('examples/seed/yuhua-2020-report.txt'), 'seed.txt');
    expect(text.fiscalYear).toBe(2020);
    expect(text.figures).toHaveLength(161);
    expect(text.findings.filter((f) => f.verdict === 'rounding').map((f) => f.code)).toContain('LINES_MISMATCH');
    const pdf = Buffer.from(await (await server.fetch('/api/datasets/1/report?format=pdf')).arrayBuffer());
    const fromPdf = await audit(pdf, 'seed.pdf');
    expect(fromPdf.fiscalYear).toBe(2020);
    // The same data findings as from the text, and no error: the 自评表 annex's cells are read where they are.
    const data = (a: Audit) =>
      a.findings.filter((f) => !f.code.startsWith('FORM_')).map((f) => `${f.verdict} ${f.code}`);
    expect(data(fromPdf)).toEqual(data(text));
    expect(fromPdf.findings.filter((f) => f.verdict === 'error')).toEqual([]);
  });

  it('imports and exports a workbook through the pool', async () => {
    const xlsx = Buffer.from(await (await server.fetch('/api/datasets/1/export?format=xlsx')).arrayBuffer());
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const dry = await server.fetch('/api/import?dryRun=true&format=xlsx', { method: 'POST', body: xlsx });
    expect(dry.status).toBe(200);
  });

  it('answers 503 with Retry-After when a report overruns its time budget', async () => {
    const strict = createWorkerPool({ size: 1, timeoutMs: 1 });
    const hurried = await startServer(store, { heavy: strict });
    try {
      const response = await hurried.fetch('/api/datasets/1/report?format=pdf');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(await response.json()).toEqual({
        error: 'BUSY',
        message: '报告生成用时超过限度（超过 0.001 秒），已停止，请稍后重试',
      });
    } finally {
      await hurried.close();
      await strict.close();
    }
  });
});
