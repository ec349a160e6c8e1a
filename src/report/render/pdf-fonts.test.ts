import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontBytes, HEI, KAI, kaiRuns, PDF_FONTS, SONG } from './pdf-fonts.js';
import { FONT_LINE_EM, gridLineHeight, LINE_PITCH } from './pdf-page.js';

type Font = { ascent: number; descent: number; unitsPerEm: number; postscriptName: string };
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): Font };

describe('the PDF fonts', () => {
  it.each([
    [SONG, 'NotoSerifSC-Regular'],
    [HEI, 'NotoSansSC-Regular'],
    [KAI, 'MaShanZheng-Regular'],
  ])('%s is read from its npm package, with the line height pdf-page.ts assumes', (family, postscriptName) => {
    const name = PDF_FONTS[family]?.normal as string;
    const font = fontkit.create(fontBytes(name) as Buffer);
    expect(font.postscriptName).toBe(postscriptName);
    expect((font.ascent - font.descent) / font.unitsPerEm).toBeCloseTo(FONT_LINE_EM[family] ?? 0, 3);
  });

  it('puts 三号 lines of every font 29 pt apart (22 lines in 225 mm)', () => {
    for (const family of [SONG, HEI, KAI])
      expect(16 * (FONT_LINE_EM[family] ?? 0) * gridLineHeight(family, 16)).toBeCloseTo(LINE_PITCH, 6);
    expect(LINE_PITCH).toBeCloseTo(28.99, 2);
  });

  it('sets a 二级 heading in 楷, and in 宋 only the characters the 楷 font lacks', () => {
    expect(kaiRuns('（一）谋改革发展之策，务精准高效之实')).toEqual([
      { text: '（一）谋改革发展之策，务精准高效之实', font: KAI },
    ]);
    // 堃 and 𠀀 are outside GB 2312, which Ma Shan Zheng covers.
    expect(kaiRuns('（二）堃𠀀项目')).toEqual([
      { text: '（二）', font: KAI },
      { text: '堃𠀀', font: SONG },
      { text: '项目', font: KAI },
    ]);
  });
});
