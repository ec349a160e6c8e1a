import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import { NOTO_SANS_SC_BOLD, NOTO_SANS_SC_REGULAR } from '../charts/fonts.js';
import { useLayoutBySpaces } from './pdf-font-layout.js';
import { copySimpleGlyphsAsTheyAre } from './pdf-subset.js';

/**
 * The PDF's fonts, all SIL OFL TrueType shipped through npm, standing for the typefaces GB/T 9704-2012 names
 * (no free 仿宋 or 小标宋 exists on npm; see docs/report.md):
 * - 宋 (`SONG`): Noto Serif SC — the body in place of 仿宋, the tables, and in bold the title in place of 小标宋;
 * - 黑 (`HEI`): Noto Sans SC — first-level headings and table captions (and the charts' text);
 * - 楷 (`KAI`): Ma Shan Zheng — second-level headings. It covers GB 2312 only; `kaiRuns` sets any other
 *   character in 宋 so that nothing prints as an empty box.
 */
export const SONG = 'Noto Serif SC';
export const HEI = 'Noto Sans SC';
export const KAI = 'Ma Shan Zheng';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const serifDir = packageDir('@expo-google-fonts/noto-serif-sc');
const kaiDir = packageDir('@expo-google-fonts/ma-shan-zheng');

/** Font files by the name pdfmake and pdfkit ask for (a name, not a path: the bytes are held in memory). */
const FONT_FILES = {
  'jixiao:NotoSerifSC-Regular.ttf': join(serifDir, '400Regular', 'NotoSerifSC_400Regular.ttf'),
  'jixiao:NotoSerifSC-Bold.ttf': join(serifDir, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  'jixiao:NotoSansSC-Regular.ttf': NOTO_SANS_SC_REGULAR,
  'jixiao:NotoSansSC-Bold.ttf': NOTO_SANS_SC_BOLD,
  'jixiao:MaShanZheng-Regular.ttf': join(kaiDir, '400Regular', 'MaShanZheng_400Regular.ttf'),
} as const;
type FontName = keyof typeof FONT_FILES;

const family = (normal: FontName, bold: FontName) => ({ normal, bold, italics: normal, bolditalics: bold });

/** pdfmake's font dictionary: three families, each a regular and a bold file (楷 has one weight). */
export const PDF_FONTS: TFontDictionary = {
  [SONG]: family('jixiao:NotoSerifSC-Regular.ttf', 'jixiao:NotoSerifSC-Bold.ttf'),
  [HEI]: family('jixiao:NotoSansSC-Regular.ttf', 'jixiao:NotoSansSC-Bold.ttf'),
  [KAI]: family('jixiao:MaShanZheng-Regular.ttf', 'jixiao:MaShanZheng-Regular.ttf'),
};

const FONT_BYTES = new Map<string, Buffer>();

/** The bytes of a font by its name, read from disk on first use (10–15 MB each, once per process or worker). */
export function fontBytes(name: string): Buffer | undefined {
  const path = (FONT_FILES as Record<string, string>)[name];
  if (path === undefined) return undefined;
  let bytes = FONT_BYTES.get(name);
  if (bytes === undefined) {
    bytes = readFileSync(path);
    FONT_BYTES.set(name, bytes);
  }
  return bytes;
}

export const isFontName = (name: string): boolean => Object.hasOwn(FONT_FILES, name);

type EmbeddedFont = { font: object; layoutCache?: object; subset?: object };
type EmbeddedFontClass = (new (document: FontDocument, font: object, id: string) => EmbeddedFont) & {
  prototype: { layout: unknown };
};
type FontDocument = {
  _registeredFonts: Record<string, unknown>;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _fontCount: number;
  registerFont(name: string, src: Buffer): void;
  font: (this: FontDocument, src: unknown, ...rest: unknown[]) => unknown;
};

/** The parsed fonts (fontkit objects) by name, shared by every PDF of the process, and pdfkit's font class. */
const PARSED = new Map<string, object>();
let embeddedFontClass: EmbeddedFontClass | undefined;
/** Whether pdfkit's fonts lay out their texts by character code (pdf-font-layout.ts): off only in its test. */
let layoutBySpaces = true;

/** Lays out texts by character code (pdf-font-layout.ts), or (for tests) as pdfkit does. */
export function useFontLayoutBySpaces(enabled = true): void {
  layoutBySpaces = enabled;
  if (embeddedFontClass !== undefined) useLayoutBySpaces(embeddedFontClass.prototype, enabled);
}

/**
 * pdfkit's laid-out words (glyphs and advances, in the font's units: nothing of the document) by font name, shared
 * by every PDF of the process: pdfkit keeps one cache per font per document, so each PDF laid out every character
 * of its text again through fontkit (≈ 0.1 ms a distinct word). Reports share most of their characters; a cache is
 * started afresh past `LAYOUT_CACHE_WORDS` words so that a long run of reports does not grow it without end.
 */
const LAYOUTS = new Map<string, { words: Record<string, unknown>; opened: number }>();
const LAYOUT_CACHE_WORDS = 20_000;
/**
 * The words are counted every this many documents a font is opened in, not each time: counting (Object.keys of up
 * to 20,000 words) took about 1 ms for each font of each PDF. The bound is passed by at most this many PDFs' words.
 */
const COUNT_EVERY = 16;

function sharedLayouts(name: string): Record<string, unknown> {
  let cache = LAYOUTS.get(name);
  if (cache !== undefined && ++cache.opened % COUNT_EVERY === 0 && Object.keys(cache.words).length > LAYOUT_CACHE_WORDS)
    cache = undefined;
  if (cache === undefined) {
    cache = { words: Object.create(null) as Record<string, unknown>, opened: 0 };
    LAYOUTS.set(name, cache);
  }
  return cache.words;
}

/**
 * Makes pdfkit take a font name for the bytes in memory: given paths, it would read a font again for every PDF
 * (≈ 0.2 s a report). Each document registers a name when it first asks for it, so pdfmake's text and the charts'
 * SVG text share one font object per name; a font no text uses is never read nor embedded. The font is parsed
 * once per process: pdfkit would parse it again for every PDF and lay out each character anew with it (fontkit
 * caches its glyphs per font object), ≈ 0.1–0.2 s a font a report.
 */
export function serveFontsFromMemory(): void {
  const PdfDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: FontDocument } }).default;
  const pdfkitFont = PdfDocument.prototype.font;
  PdfDocument.prototype.font = function (this: FontDocument, src: unknown, ...rest: unknown[]) {
    if (typeof src !== 'string' || this._registeredFonts[src] !== undefined) return pdfkitFont.call(this, src, ...rest);
    const data = fontBytes(src);
    if (data === undefined) return pdfkitFont.call(this, src, ...rest);
    this.registerFont(src, data);
    const parsed = PARSED.get(src);
    if (parsed !== undefined && embeddedFontClass !== undefined)
      this._fontFamilies[src] = new embeddedFontClass(this, parsed, `F${++this._fontCount}`);
    const result = pdfkitFont.call(this, src, ...rest);
    const opened = this._fontFamilies[src];
    if (opened?.layoutCache !== undefined) opened.layoutCache = sharedLayouts(src);
    if (opened?.subset !== undefined) copySimpleGlyphsAsTheyAre(opened.subset);
    if (parsed === undefined && opened !== undefined) {
      PARSED.set(src, opened.font);
      embeddedFontClass = opened.constructor as EmbeddedFontClass;
      if (layoutBySpaces) useLayoutBySpaces(embeddedFontClass.prototype);
    }
    return result;
  };
}

type Fontkit = { create(data: Buffer): { characterSet: number[] } };
let kaiCharacters: ReadonlySet<number> | undefined;

/** The code points Ma Shan Zheng draws (its cmap, read once). */
function kaiCoverage(): ReadonlySet<number> {
  if (kaiCharacters === undefined) {
    const fontkit = require('fontkit') as Fontkit;
    const bytes = fontBytes('jixiao:MaShanZheng-Regular.ttf') as Buffer;
    kaiCharacters = new Set(fontkit.create(bytes).characterSet);
  }
  return kaiCharacters;
}

export type FontRun = { text: string; font: string };

/** `text` in 楷, cut into runs where a character is missing from the 楷 font and set in 宋 instead. */
export function kaiRuns(text: string): FontRun[] {
  const covered = kaiCoverage();
  const runs: FontRun[] = [];
  for (const character of text) {
    const font = covered.has(character.codePointAt(0) ?? 0) || /\s/.test(character) ? KAI : SONG;
    const last = runs.at(-1);
    if (last?.font === font) last.text += character;
    else runs.push({ text: character, font });
  }
  return runs;
}
