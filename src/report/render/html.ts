import type { Block, ReportModel, ReportSection, ReportTable } from '../model/types.js';
import { tableGrid } from '../model/table-grid.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Print-ready A4 styles: 仿宋 body, 黑体/楷体 headings as in official documents, with fallbacks for other systems. */
const CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 22mm; }
:root { --body: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", serif;
  --head: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  --table: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", serif; }
html { background: #eee; }
body { margin: 0; font-family: var(--body); font-size: 15pt; line-height: 1.75; color: #000; }
main { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 25mm 22mm; background: #fff;
  overflow-wrap: break-word; }
header { text-align: center; margin-bottom: 2em; }
h1 { font-family: var(--head); font-size: 20pt; font-weight: normal; line-height: 1.5; margin: 0.5em 0; }
.department { font-size: 16pt; text-indent: 0; text-align: center; }
h2 { font-family: var(--head); font-size: 16pt; font-weight: normal; margin: 1.2em 0 0.4em; }
h3 { font-family: "KaiTi", "楷体", "STKaiti", var(--body); font-size: 15pt; font-weight: bold; margin: 0.8em 0 0.3em; text-indent: 2em; }
h4 { font-size: 15pt; font-weight: bold; margin: 0.6em 0 0.2em; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; margin: 0.6em auto; width: 80%; font-family: var(--table); font-size: 12pt; line-height: 1.5; }
th, td { border: 1px solid #000; padding: 2px 8px; }
th { font-weight: bold; background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td:not(.num) { overflow-wrap: anywhere; }
tr.total td { font-weight: bold; }
td.label { font-weight: bold; text-align: center; }
table.form { width: 100%; font-size: 10.5pt; }
table.form caption { font-family: var(--head); font-size: 14pt; margin-bottom: 0.3em; }
.note { font-size: 12pt; text-indent: 0; margin: 0.2em 10% 0.8em; }
figure { margin: 0.8em 0; text-align: center; }
figure svg { width: 100%; height: auto; max-width: 160mm; }
@media print { html { background: none; } main { width: auto; min-height: 0; margin: 0; padding: 0; }
  h2, h3, h4 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

function tableHtml(table: ReportTable): string {
  const numeric = (i: number) => table.numericColumns.includes(i);
  const head =
    table.header.length === 0
      ? ''
      : `<thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = tableGrid(table).map((row) => {
    const cells = row.cells.flatMap((c, i) => {
      if (c.covered) return [];
      const attrs = [
        c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        row.label ? ' class="label"' : numeric(i) ? ' class="num"' : '',
      ].join('');
      return [`<td${attrs}>${escapeHtml(c.text)}</td>`];
    });
    return `<tr${row.total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  const caption = table.caption === undefined ? '' : `<caption>${escapeHtml(table.caption)}</caption>`;
  const note = table.note === undefined ? '' : `\n<p class="note">${escapeHtml(table.note)}</p>`;
  const form = table.spans === undefined ? '' : ' class="form"';
  return `<table${form}>${caption}${head}<tbody>${rows.join('')}</tbody></table>${note}`;
}

function blockHtml(block: Block, charts: ChartImages): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block.table);
    case 'chart':
      return `<figure role="img" aria-label="${escapeHtml(block.chart.title)}">${chartSvg(charts, block.chart)}</figure>`;
  }
}

function sectionHtml(section: ReportSection, charts: ChartImages): string {
  const blocks = section.blocks.map((b) => blockHtml(b, charts)).join('\n');
  const heading = section.heading === '' ? '' : `\n<h2>${escapeHtml(section.heading)}</h2>`;
  return `<section id="${section.id}">${heading}\n${blocks}\n</section>`;
}

/** The report as one standalone HTML file (inline CSS and SVG charts, no external resources), A4 print-ready. */
export function renderHtml(model: ReportModel, charts: ChartImages = drawCharts(model)): string {
  const body = [...model.sections, ...model.annexes].map((s) => sectionHtml(s, charts)).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(model.title)}</h1><p class="department">${escapeHtml(model.department)}</p></header>
${body}
</main>
</body>
</html>
`;
}
