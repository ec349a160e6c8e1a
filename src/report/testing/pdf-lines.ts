import { createRequire } from 'node:module';

type Line = { inlines: { text: string; x: number; width: number }[] };
type Method = (this: unknown, node: unknown) => Line | null;

const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine: Method } } })
  .default;

/**
 * Runs `render` and returns every line pdfmake laid out meanwhile, as its words with their positions and widths
 * (to 1/1000 pt): two line breakers that give the same record give the same pages.
 */
export async function recordLines(render: () => Promise<unknown>): Promise<string[]> {
  const installed = LayoutBuilder.prototype.buildNextLine;
  const lines: string[] = [];
  LayoutBuilder.prototype.buildNextLine = function (this: unknown, node: unknown) {
    const line = installed.call(this, node);
    if (line !== null)
      lines.push(line.inlines.map((i) => `${i.text}@${i.x.toFixed(3)}+${i.width.toFixed(3)}`).join('|'));
    return line;
  };
  try {
    await render();
  } finally {
    LayoutBuilder.prototype.buildNextLine = installed;
  }
  return lines;
}
