/** The small part of fontkit 2 (a pdfkit dependency, no bundled types) that Jixiao uses. */
declare module 'fontkit' {
  export type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string; commands: readonly PathCommand[] } };
  /** One step of a glyph's outline in font units (y up): moveTo, lineTo, quadraticCurveTo, bezierCurveTo, closePath. */
  export type PathCommand = { command: string; args: number[] };
  export type Font = {
    unitsPerEm: number;
    glyphsForString(text: string): Glyph[];
    glyphForCodePoint(codePoint: number): Glyph;
  };
  export function openSync(path: string): Font | { fonts: Font[] };
}
