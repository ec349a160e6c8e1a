import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../app/import-export.js';
import { testStores } from '../store/testing.js';
import { publishThroughWorkflow, seedDocument, useSeededServer } from './testing.js';

// Renders DOCX + PDF of one department inline per download; a report takes seconds on a busy machine.
describe.each(testStores())('GET /api/reports/published.zip on $dialect', { timeout: 180_000 }, ({ open }) => {
  const world = useSeededServer(open);

  it('answers 404 for a year with nothing published, and refuses editors and anonymous callers', async () => {
    const { server } = world;
    expect((await server.call('GET', '/api/reports/published.zip?year=2020', undefined, {}, 'reviewer')).status).toBe(
      404,
    );
    expect((await server.call('GET', '/api/reports/published.zip?year=2020', undefined, {}, 'editor')).status).toBe(
      403,
    );
    expect((await server.call('GET', '/api/reports/published.zip?year=2020', undefined, {}, 'anonymous')).status).toBe(
      401,
    );
    expect((await server.call('GET', '/api/reports/published.zip', undefined, {}, 'admin')).status).toBe(400);
  });

  it('streams a zip of every published report of the year (DOCX and PDF), and none of the unpublished', async () => {
    const { server } = world;
    const other = (await seedDocument()).replace('长沙市雨花区行政审批服务局', '打包乙局');
    const imported = await importDataset(server.ctx, {
      format: 'yaml',
      content: other,
      actor: { kind: 'system', label: '测试' },
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const list = await server.call('GET', '/api/datasets?year=2020');
    const seed = (list.body as unknown as { id: number; departmentName: string }[]).find(
      (d) => d.departmentName === '长沙市雨花区行政审批服务局',
    );
    if (seed === undefined) throw new Error('seed dataset missing');
    expect((await publishThroughWorkflow(server, seed.id, 1)).status).toBe(200);

    const response = await server.fetch('/api/reports/published.zip?year=2020', {}, 'reviewer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('2020-已公开自评报告.zip'));
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['长沙市雨花区行政审批服务局-2020.docx', '长沙市雨花区行政审批服务局-2020.pdf']);
    const pdf = await zip.file('长沙市雨花区行政审批服务局-2020.pdf')?.async('nodebuffer');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
