/** The small part of fontkit 2 (a pdfkit dependency, no bundled types) that Jixiao uses. */
declare module 'fontkit' {
  export type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string } };
  export type Font = {
    unitsPerEm: number;
    glyphsForString(text: string): Glyph[];
    glyphForCodePoint(codePoint: number): Glyph;
  };
  export function openSync(path: string): Font | { fonts: Font[] };
}
