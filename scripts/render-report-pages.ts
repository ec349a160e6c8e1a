/**
 * npx tsx scripts/render-report-pages.ts — the seed report's PDF (examples/yuhua-2020.yaml, as `jixiao report
 * --format pdf` makes it) drawn page by page to PNG in docs/report-pages/, for the README: the cover, the first
 * body pages, and the first page of the 自评表 annex. Drawn with pdf.js (pdfjs-dist) on @napi-rs/canvas, both from
 * npm (the canvas comes with pdfjs-dist); no browser or system package is needed. Each page is written as an
 * 8-bit palette PNG (32 greys for the text, a 6 × 6 × 6 colour cube for the charts), a third of a full-colour one.
 *
 * Usage: npx tsx scripts/render-report-pages.ts [--scale 1.5]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nationalPack } from '../src/domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../src/ingest/read-dataset.js';
import { buildReportModel } from '../src/report/model/build-report.js';
import { reportInputFor } from '../src/report/model/report-input.js';
import { renderPdf } from '../src/report/render/pdf.js';

const scaleArg = process.argv.indexOf('--scale');
const SCALE = scaleArg < 0 ? 1.5 : Number(process.argv[scaleArg + 1]);
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'report-pages');

type Canvas = { getContext(kind: '2d'): unknown };

/** A greyish pixel becomes one of 32 greys (palette 216–247), any other the nearest of a 6 × 6 × 6 colour cube. */
function paletteIndex(r: number, g: number, b: number): number {
  if (Math.max(r, g, b) - Math.min(r, g, b) < 24) return 216 + Math.round(((r + g + b) / 3 / 255) * 31);
  const level = (v: number) => Math.round((v / 255) * 5);
  return level(r) * 36 + level(g) * 6 + level(b);
}

const PALETTE = Buffer.from(
  [
    ...Array.from({ length: 216 }, (_, i) => [Math.floor(i / 36), Math.floor(i / 6) % 6, i % 6].map((l) => l * 51)),
    ...Array.from({ length: 32 }, (_, i) => Array<number>(3).fill(Math.round((i * 255) / 31))),
  ].flat(),
);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels as an 8-bit palette PNG. */
function palettePng(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rows[y * (width + 1) + 1 + x] = paletteIndex(rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0);
    }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', PALETTE),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
type CanvasModule = { createCanvas(width: number, height: number): Canvas };

const read = await readDatasetFile(join(root, 'examples', 'yuhua-2020.yaml'));
if (!read.ok) throw new Error('the seed dataset does not parse');
const pdfBytes = await renderPdf(buildReportModel(reportInputFor(read.dataset, nationalPack())));

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const canvases = createRequire(join(pdfjsRoot, 'package.json'))('@napi-rs/canvas') as CanvasModule;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const pdf = await pdfjs.getDocument({
  data: new Uint8Array(pdfBytes),
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  cMapPacked: true,
  disableFontFace: true,
  isEvalSupported: false,
  verbosity: 0,
}).promise;

/** The page the 自评表 annex starts on: its first line is 附件. */
async function annexPage(): Promise<number | undefined> {
  for (let number = pdf.numPages; number >= 1; number--) {
    const items = (await (await pdf.getPage(number)).getTextContent()).items;
    const first = items.find((item) => 'str' in item && item.str.trim() !== '');
    if (first !== undefined && 'str' in first && first.str.trim() === '附件') return number;
  }
  return undefined;
}

const annex = await annexPage();
const pages = [1, 2, 3, 4, 5, ...(annex === undefined ? [] : [annex])];
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith('.png')) rmSync(join(outDir, file));
for (const number of pages) {
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale: SCALE });
  const canvas = canvases.createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport }).promise;
  const { width, height } = canvas as unknown as { width: number; height: number };
  const png = palettePng(context.getImageData(0, 0, width, height).data, width, height);
  const file = join(outDir, `page-${String(number).padStart(2, '0')}.png`);
  writeFileSync(file, png);
  console.log(`${file.slice(root.length)}  ${Math.round(png.length / 1024)} KB`);
}
await pdf.destroy();
