/** A cell as a table markup states it: its text and how many columns and rows it spans. */
export type SpannedCell = { text: string; colSpan: number; rowSpan: number };

/**
 * Resolves merged cells into a plain grid: a cell spanning columns or rows has its text in every position it
 * covers, so a reader of row 3 sees the 一级指标 merged down from row 2. Rows are padded to the widest row.
 */
export function resolveSpans(rows: readonly (readonly SpannedCell[])[]): string[][] {
  const grid: (string | undefined)[][] = [];
  rows.forEach((row, r) => {
    const line = (grid[r] ??= []);
    let column = 0;
    for (const cell of row) {
      while (line[column] !== undefined) column += 1;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) target[column + dc] = cell.text;
      }
      column += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  return grid.slice(0, rows.length).map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ''));
}
