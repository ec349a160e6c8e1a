import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The server's HTTP thread hands documents to its workers and never renders or reads one itself, so it must not
 * load the document libraries at start: they cost about 150 MB and seconds of start-up on a busy machine. Checked
 * on the static import graph of `jixiao serve` (dynamic imports, which load on first use, are not followed).
 */
const DOCUMENT_LIBRARIES = ['exceljs', 'docx', 'pdfmake', 'pdfkit', 'echarts', '@resvg/resvg-js', 'jszip', 'unzipper'];

function staticallyReached(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let at = queue.shift(); at !== undefined; at = queue.shift())
    for (const edge of metafile.inputs[at]?.imports ?? [])
      if (edge.kind !== 'dynamic-import' && !seen.has(edge.path)) {
        seen.add(edge.path);
        queue.push(edge.path);
      }
  return seen;
}

describe('the HTTP thread of jixiao serve', () => {
  it('loads no document library (Word, PDF, Excel, charts, zip) until a document task runs', async () => {
    const serve = fileURLToPath(new URL('../cli/actions/serve.ts', import.meta.url));
    const { metafile } = await build({
      entryPoints: [serve],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      packages: 'external',
    });
    const entry = Object.keys(metafile.inputs).find((path) => path.endsWith('cli/actions/serve.ts')) ?? '';
    const reached = staticallyReached(metafile, entry);
    const packages = [...reached].filter((path) => !path.startsWith('src/') && !path.startsWith('node:'));
    expect(packages.filter((p) => DOCUMENT_LIBRARIES.some((lib) => p === lib || p.startsWith(`${lib}/`)))).toEqual([]);
    expect(packages).toContain('fastify'); // the graph is really followed
  }, 60_000);
});
