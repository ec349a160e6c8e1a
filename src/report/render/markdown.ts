import type { Block, ReportModel, ReportSection, ReportTable } from '../model/types.js';
import { columnCount, tableGrid } from '../model/table-grid.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';

/**
 * Escapes what Markdown would read as markup. A backslash is escaped only before ASCII punctuation (CommonMark
 * reads it as an escape only there), so "…办法》）\《…" in the seed stays as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/([*_[\]<>|`])/g, '\\$1');
}

/**
 * A pipe table. Markdown cannot merge cells: a merged cell's text stands in its first cell and the cells it covers
 * stay empty. A table without a header row (a printed form) takes its first row as the header.
 */
function tableMarkdown(table: ReportTable): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const grid = tableGrid(table).map((r) => r.cells.map((c) => (c.covered ? '' : c.text)));
  const [header, ...body] = table.header.length > 0 ? [table.header, ...grid] : grid;
  const columns = columnCount(table);
  const rule = `| ${Array.from({ length: columns }, (_, i) => (table.numericColumns.includes(i) ? '---:' : '---')).join(' | ')} |`;
  const lines = [row(header ?? []), rule, ...body.map(row)];
  const caption = table.caption === undefined ? [] : [`**${escapeMarkdown(table.caption)}**`, ''];
  const note = table.note === undefined ? [] : ['', escapeMarkdown(table.note)];
  return [...caption, ...lines, ...note].join('\n');
}

function blockMarkdown(block: Block, charts: ChartImages): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'table':
      return tableMarkdown(block.table);
    case 'chart': {
      const data = Buffer.from(chartSvg(charts, block.chart), 'utf8').toString('base64');
      return `![${escapeMarkdown(block.chart.title)}](data:image/svg+xml;base64,${data})`;
    }
  }
}

function sectionMarkdown(section: ReportSection, charts: ChartImages): string {
  const heading = section.heading === '' ? [] : [`## ${escapeMarkdown(section.heading)}`];
  return [...heading, ...section.blocks.map((b) => blockMarkdown(b, charts))].join('\n\n');
}

/**
 * The report as one Markdown file. Charts are embedded as SVG data URIs, so the file stands alone (editors and
 * converters such as pandoc show them; some web hosts strip data URIs).
 */
export function renderMarkdown(model: ReportModel, charts: ChartImages = drawCharts(model)): string {
  const parts = [
    `# ${escapeMarkdown(model.title)}`,
    escapeMarkdown(model.department),
    ...[...model.sections, ...model.annexes].map((s) => sectionMarkdown(s, charts)),
  ];
  return `${parts.join('\n\n')}\n`;
}
