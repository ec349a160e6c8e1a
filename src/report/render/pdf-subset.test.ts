import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { fontBytes } from './pdf-fonts.js';
import { copySimpleGlyphsAsTheyAre } from './pdf-subset.js';

type Subset = { includeGlyph(id: number): number; encode(): Uint8Array };
type Font = { glyphsForString(text: string): { id: number }[]; createSubset(): Subset };
const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Buffer): Font };

const TEXT = '部门整体支出绩效自评报告（2020年度）预算执行率 96.43%，得分 95.49 优。';

function subsetBytes(font: Font, fast: boolean): Buffer {
  const subset = font.createSubset();
  copySimpleGlyphsAsTheyAre(subset, fast);
  for (const glyph of font.glyphsForString(TEXT)) subset.includeGlyph(glyph.id);
  return Buffer.from(subset.encode());
}

describe('copying simple glyphs into a PDF font subset as they are', () => {
  afterAll(() =>
    copySimpleGlyphsAsTheyAre(fontkit.create(fontBytes('jixiao:MaShanZheng-Regular.ttf') as Buffer).createSubset()),
  );

  it('gives the same subset bytes as fontkit’s own copy, for each font a report embeds', () => {
    for (const name of [
      'jixiao:NotoSerifSC-Regular.ttf',
      'jixiao:NotoSansSC-Bold.ttf',
      'jixiao:MaShanZheng-Regular.ttf',
    ]) {
      const font = fontkit.create(fontBytes(name) as Buffer);
      const theirs = subsetBytes(font, false);
      const ours = subsetBytes(font, true);
      expect(ours.length).toBeGreaterThan(1000);
      expect(ours.equals(theirs)).toBe(true);
    }
  }, 60_000);
});
