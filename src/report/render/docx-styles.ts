import { AlignmentType, BorderStyle, type IStylesOptions } from 'docx';

/**
 * Word styles of an official report: body 仿宋 三号-ish (15 pt), headings 黑体 / 楷体, tables 宋体. Word matches
 * East Asian fonts by name; where 仿宋 is missing (macOS, WPS on Linux) it substitutes its own 仿宋/宋体 equivalent,
 * and Latin digits use Times New Roman.
 */
export const FONT_BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
export const FONT_HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
export const FONT_SUBHEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' };
export const FONT_TABLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

/** Half-points (Word's font-size unit). */
const pt = (points: number) => points * 2;

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT_BODY, size: pt(15) }, paragraph: { spacing: { line: 400 } } },
    title: { run: { font: FONT_HEADING, size: pt(20) }, paragraph: { alignment: AlignmentType.CENTER } },
    heading1: {
      run: { font: FONT_HEADING, size: pt(16), color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: FONT_SUBHEADING, size: pt(15), bold: true, color: '000000' },
      paragraph: { spacing: { before: 120, after: 60 }, indent: { firstLine: 600 }, keepNext: true },
    },
    heading3: {
      run: { font: FONT_BODY, size: pt(15), bold: true, color: '000000' },
      paragraph: { indent: { firstLine: 600 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: FONT_TABLE, size: pt(12) },
      paragraph: { spacing: { line: 300 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      run: { font: FONT_BODY, size: pt(12) },
      paragraph: { spacing: { before: 60, after: 120 } },
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
