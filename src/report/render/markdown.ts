import type { Block, ReportModel, ReportSection, ReportTable } from '../model/types.js';
import { chartSvg, drawCharts, type ChartImages } from './chart-images.js';

/**
 * Escapes what Markdown would read as markup. A backslash is escaped only before ASCII punctuation (CommonMark
 * reads it as an escape only there), so "…办法》）\《…" in the seed stays as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/([*_[\]<>|`])/g, '\\$1');
}

function tableMarkdown(table: ReportTable): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const rule = `| ${table.header.map((_, i) => (table.numericColumns.includes(i) ? '---:' : '---')).join(' | ')} |`;
  const lines = [row(table.header), rule, ...table.rows.map(row)];
  if (table.totalRow !== undefined) lines.push(row(table.totalRow));
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
  return [`## ${escapeMarkdown(section.heading)}`, ...section.blocks.map((b) => blockMarkdown(b, charts))].join('\n\n');
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
