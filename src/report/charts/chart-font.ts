import * as fontkit from 'fontkit';
import { NOTO_SANS_SC_REGULAR } from './fonts.js';

let cachedFont: fontkit.Font | null = null;

/** Noto Sans SC Regular, opened once: the charts' text is laid out and drawn in it. */
export function chartFont(): fontkit.Font {
  if (cachedFont === null) {
    const opened = fontkit.openSync(NOTO_SANS_SC_REGULAR);
    const single = 'fonts' in opened ? opened.fonts[0] : opened;
    if (single === undefined) throw new Error(`no font in ${NOTO_SANS_SC_REGULAR}`);
    cachedFont = single;
  }
  return cachedFont;
}

/** Advance widths by code point, in font units: the charts lay out their legends and labels by them. */
const ADVANCES = new Map<number, number>();

/** The width of one line of text in the charts' font at `size` px (no kerning: CJK and digits have none here). */
export function textWidth(text: string, size: number): number {
  const f = chartFont();
  let units = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    let advance = ADVANCES.get(codePoint);
    if (advance === undefined) {
      advance = f.glyphForCodePoint(codePoint).advanceWidth;
      ADVANCES.set(codePoint, advance);
    }
    units += advance;
  }
  return (units * size) / f.unitsPerEm;
}
