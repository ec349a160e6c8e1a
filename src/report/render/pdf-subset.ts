/**
 * fontkit's TrueType subset (what a PDF embeds of a font) decodes every glyph it copies — all its points — only to
 * learn whether the glyph is made of other glyphs, whose ids it must then renumber. A simple glyph (every CJK
 * character of Noto) is copied as it is, so this reads the one field that says so (the glyph's contour count,
 * negative for a composite) and leaves composite glyphs, and fonts with variations, to fontkit's own code. The
 * subset's bytes are the same; a report's PDF copies about a thousand glyphs (≈ 30 ms of decoding saved).
 */

type Stream = { pos: number; readBuffer(length: number): Uint8Array };
type TrueTypeFont = {
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  _getTableStream(tag: string): Stream;
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
};
type Subset = {
  font: TrueTypeFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(id: number): number;
};
type AddGlyph = (this: Subset, id: number) => number;
type SubsetPrototype = { _addGlyph: AddGlyph };

/** fontkit's own `_addGlyph` by the subset class it was replaced in. */
const fontkitAddGlyphs = new WeakMap<object, AddGlyph>();

/**
 * Installs the simple-glyph copy into the class of `subset` (fontkit's TrueType subset, as pdfkit creates one per
 * font per PDF), or (for tests) puts fontkit's own back. A subset of another kind (CFF) is left alone.
 */
export function copySimpleGlyphsAsTheyAre(subset: object, enabled = true): void {
  const prototype = Object.getPrototypeOf(subset) as SubsetPrototype | null;
  if (prototype === null || typeof prototype._addGlyph !== 'function') return;
  const own = fontkitAddGlyphs.get(prototype);
  if (!enabled) {
    if (own !== undefined) prototype._addGlyph = own;
    fontkitAddGlyphs.delete(prototype);
    return;
  }
  if (own !== undefined) return;
  const fontkitAddGlyph = prototype._addGlyph;
  fontkitAddGlyphs.set(prototype, fontkitAddGlyph);
  prototype._addGlyph = function (this: Subset, id: number): number {
    const font = this.font;
    const start = font.loca.offsets[id];
    const end = font.loca.offsets[id + 1];
    if (font._variationProcessor !== undefined && font._variationProcessor !== null)
      return fontkitAddGlyph.call(this, id);
    if (start === undefined || end === undefined) return fontkitAddGlyph.call(this, id);
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const buffer = stream.readBuffer(end - start);
    // numberOfContours, the glyph's first field (int16): negative for a composite glyph.
    if (buffer.length >= 2 && ((buffer[0] ?? 0) & 0x80) !== 0) return fontkitAddGlyph.call(this, id);
    const glyph = font.getGlyph(id);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}
