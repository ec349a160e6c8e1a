/**
 * The report model (报告模型): what a self-evaluation report says, independent of its format. Built by a pure
 * function from the dataset and its figures; every renderer (HTML, Markdown, DOCX, PDF) only lays it out.
 */

/**
 * A merged cell (合并单元格) of a table's body: it starts at `row` / `column` and covers `rowSpan` rows and
 * `colSpan` columns; the cells it covers hold '' in the grid and are not drawn. `row` counts the body rows, then
 * the 合计 row (`rows.length`).
 */
export type CellSpan = { row: number; column: number; rowSpan: number; colSpan: number };

/**
 * A table (表格): header row, body rows, an optional 合计 row, and which columns hold numbers (right-aligned).
 * Every row has one cell per column. A printed form (自评表) has no header row (`header` empty): its own heading
 * rows are body rows listed in `labelRows`, and its blocks are merged cells (`spans`).
 */
export type ReportTable = {
  caption?: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  totalRow?: readonly string[];
  numericColumns: readonly number[];
  /** Relative column widths (one per column). */
  widths: readonly number[];
  note?: string;
  spans?: readonly CellSpan[];
  /** Body rows printed as headings (bold, centred). */
  labelRows?: readonly number[];
};

/** A chart (图表) as data; `src/report/charts` draws it (SVG, PDF shapes, PNG). Values are for plotting only, never for arithmetic. */
export type ChartSpec =
  | {
      kind: 'pie';
      id: string;
      title: string;
      /** `text` is the printed label, e.g. "596.04（64.11%）". */
      slices: readonly { name: string; value: number; text: string }[];
    }
  | { kind: 'bar'; id: string; title: string; unit: string; categories: readonly string[]; values: readonly number[] }
  | {
      kind: 'budget-actual';
      id: string;
      title: string;
      unit: string;
      categories: readonly string[];
      budget: readonly number[];
      actual: readonly number[];
      /** Execution rate labels, e.g. "77.49%" or "—". */
      rates: readonly string[];
    }
  | {
      kind: 'progress';
      id: string;
      title: string;
      /** Month numbers 1–12 of the checkpoints. */
      months: readonly number[];
      progress: readonly (number | null)[];
      schedule: readonly number[];
    };

/** One block of content inside a section. */
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ChartSpec };

/** 一级标题 with its content, e.g. "一、部门（单位）基本情况". */
export type ReportSection = { id: string; heading: string; blocks: readonly Block[] };

export type ReportModel = {
  /** 报告标题, e.g. "2020年度行政审批服务局部门整体支出预算绩效自评报告". */
  title: string;
  /** 部门全称 under the title. */
  department: string;
  fiscalYear: number;
  unit: string;
  /** The seven sections, in the order of standards.md §1. */
  sections: readonly ReportSection[];
  /** 附件 (self-evaluation table, data-check notes), after the seven sections. */
  annexes: readonly ReportSection[];
};
