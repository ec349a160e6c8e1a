import { HEI, KAI, SONG } from './pdf-fonts.js';

/**
 * The page of a Chinese official document (党政机关公文格式 GB/T 9704-2012 §5): A4, 天头 (top margin) 37 mm,
 * 订口 (left, binding side) 28 mm, 版心 (type area) 156 × 225 mm, so 26 mm right and 35 mm bottom; 22 lines a page.
 * Sizes by 字号: 二号 22 pt (title), 三号 16 pt (body and headings), 四号 14 pt (page numbers).
 */
export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const MARGINS = { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM };
export const BODY_WIDTH = 156 * MM;
export const BODY_HEIGHT = 225 * MM;

export const SIZE = { erhao: 22, sanhao: 16, sihao: 14 } as const;

/** One line of the 22-line grid: 225 mm ÷ 22 ≈ 29 pt from baseline to baseline. */
export const LINE_PITCH = BODY_HEIGHT / 22;

/**
 * A font's line height in ems as pdfkit computes it (hhea ascent − descent ÷ units per em); pdfmake's `lineHeight`
 * multiplies it. `pdf-page.test.ts` reads them from the font files.
 */
export const FONT_LINE_EM: Readonly<Record<string, number>> = { [SONG]: 1.437, [HEI]: 1.448, [KAI]: 1 };

/** pdfmake's `lineHeight` that puts lines of `font` at `fontSize` on the 22-line grid (or `pitch`). */
export function gridLineHeight(font: string, fontSize: number, pitch = LINE_PITCH): number {
  return pitch / (fontSize * (FONT_LINE_EM[font] ?? 1.44));
}

/** 首行缩进两字: paragraphs and headings start two characters in. */
export const INDENT = 2 * SIZE.sanhao;

/** Page numbers: 四号 half-width digits between 一字线, 7 mm below the type area; odd pages right, even left, one character in. */
export const PAGE_NUMBER_GAP = 7 * MM;
