import { AlignmentType, BorderStyle, LineRuleType, type IStylesOptions } from 'docx';

/**
 * Word styles of an official document (GB/T 9704-2012): title 二号小标宋, body 三号仿宋, 一级标题 三号黑体, 二级标题
 * 三号楷体, 三级标题 三号仿宋 bold, tables 宋体, on a grid of 22 lines a page. Word matches East Asian fonts by name;
 * where one is missing (方正小标宋简体 outside government offices, 仿宋 on macOS or WPS on Linux) it substitutes its
 * own equivalent, and Latin digits use Times New Roman.
 */
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
export const FONT_TITLE = font('方正小标宋简体');
export const FONT_BODY = font('仿宋');
export const FONT_HEADING = font('黑体');
export const FONT_SUBHEADING = font('楷体');
export const FONT_TABLE = font('宋体');

/** Half-points (Word's font-size unit). */
const pt = (points: number) => points * 2;
/** 二号, 三号, 四号 in points. */
export const SIZE = { erhao: 22, sanhao: 16, sihao: 14 } as const;

/** Millimetres in twips (1/1440 inch). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
/** One line of the 22-line grid (225 mm ÷ 22), in twips: exact line spacing of body and headings. */
export const LINE_PITCH = Math.round(mm(225) / 22);
const onGrid = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
/** 首行缩进两字 (two 三号 characters), in twips. */
export const FIRST_LINE = 2 * SIZE.sanhao * 20;

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT_BODY, size: pt(SIZE.sanhao) }, paragraph: { spacing: onGrid } },
    title: {
      run: { font: FONT_TITLE, size: pt(SIZE.erhao), color: '000000' },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        keepNext: true,
      },
    },
    heading1: {
      run: { font: FONT_HEADING, size: pt(SIZE.sanhao), color: '000000', bold: false },
      paragraph: { spacing: onGrid, indent: { firstLine: FIRST_LINE }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT_SUBHEADING, size: pt(SIZE.sanhao), color: '000000', bold: false },
      paragraph: { spacing: onGrid, indent: { firstLine: FIRST_LINE }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT_BODY, size: pt(SIZE.sanhao), bold: true, color: '000000' },
      paragraph: { spacing: onGrid, indent: { firstLine: FIRST_LINE }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: FONT_TABLE, size: pt(10.5) },
      paragraph: { spacing: { line: 260, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT_HEADING, size: pt(SIZE.sihao) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO },
        keepNext: true,
        keepLines: true,
      },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      run: { font: FONT_BODY, size: pt(12) },
      paragraph: { spacing: { before: 60, after: 120, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'CoverLine',
      name: 'Cover Line',
      basedOn: 'Normal',
      run: { font: FONT_BODY, size: pt(SIZE.sanhao) },
      paragraph: { indent: { left: mm(28) } },
    },
    {
      id: 'PageNumber',
      name: 'Page Number',
      basedOn: 'Normal',
      run: { font: FONT_TABLE, size: pt(SIZE.sihao) },
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
