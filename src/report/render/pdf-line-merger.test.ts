import { describe, expect, it } from 'vitest';
import { isPlain, mergeRuns, SPECIAL, type RenderInline } from './pdf-line-merger.js';

/** A font where every UTF-16 unit is 10 units wide, except that "AV" kerns by −1 when drawn together. */
const font = {
  widthOfString: (text: string, size: number) => (text.length * 10 - (text.includes('AV') ? 1 : 0)) * (size / 10),
};

/** Words laid out from x = 0 with `gap` after each, as pdfmake positions them (justify adds the gap). */
function words(texts: readonly string[], gap = 0, style: Partial<RenderInline> = {}): RenderInline[] {
  let x = 0;
  return texts.map((text) => {
    const inline: RenderInline = {
      text,
      x,
      width: font.widthOfString(text, 10),
      font,
      fontSize: 10,
      color: 'black',
      ...style,
    };
    x += inline.width + gap;
    return inline;
  });
}

const summary = (inlines: readonly RenderInline[]) =>
  inlines.map((i) => ({ text: i.text, x: i.x, width: i.width, characterSpacing: i.characterSpacing ?? 0 }));

describe('mergeRuns', () => {
  it('draws words that follow each other without a gap as one', () => {
    expect(summary(mergeRuns(words(['Budget ', '596.04', '万元'])))).toEqual([
      { text: 'Budget 596.04万元', x: 0, width: 150, characterSpacing: 0 },
    ]);
  });

  it('draws justified characters as one with the justification as character spacing', () => {
    expect(summary(mergeRuns(words(['资', '金', '管', '理'], 0.5)))).toEqual([
      { text: '资金管理', x: 0, width: 41.5, characterSpacing: 0.5 },
    ]);
  });

  it('keeps a justified word of several characters apart (the spacing would fall inside it)', () => {
    expect(mergeRuns(words(['2020', '年', '度'], 0.5)).map((i) => i.text)).toEqual(['2020', '年度']);
  });

  it('splits where the style, the gap or the kind of word changes', () => {
    const line = [
      ...words(['甲', '乙']),
      ...words(['丙'], 0, { color: 'red' }).map((i) => ({ ...i, x: 20 })),
      ...words(['丁'], 0, { link: 'https://example.org' }).map((i) => ({ ...i, x: 30 })),
      ...words(['戊', '己']).map((i) => ({ ...i, x: i.x + 45 })),
    ];
    expect(mergeRuns(line).map((i) => i.text)).toEqual(['甲乙', '丙', '丁', '戊己']);
  });

  it('keeps words apart when drawing them together would kern them', () => {
    expect(mergeRuns(words(['A', 'V'])).map((i) => i.text)).toEqual(['A', 'V']);
  });
});

describe('isPlain', () => {
  it('refuses a word with any of the special properties set, character spacing or no text', () => {
    const [word] = words(['字']) as [RenderInline];
    expect(isPlain(word)).toBe(true);
    for (const key of SPECIAL) {
      expect(isPlain({ ...word, [key]: true })).toBe(false);
      expect(isPlain({ ...word, [key]: 0 })).toBe(true);
    }
    expect(isPlain({ ...word, characterSpacing: 1 })).toBe(false);
    expect(isPlain({ ...word, text: '' })).toBe(false);
  });
});
