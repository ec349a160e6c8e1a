import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from './png-encode.js';

/** A PNG's pixels as resvg decodes them (drawn at its own size as the one image of an SVG). */
function decoded(png: Buffer, width: number, height: number): Buffer {
  const href = `data:image/png;base64,${png.toString('base64')}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

describe('encodeOpaquePng', () => {
  it('gives back the very pixels of a chart drawn on white', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="37" height="19"><rect x="3" y="2" width="20" height="9" ' +
      'fill="#5470c6"/><circle cx="28" cy="12" r="6" fill="#ee6666"/></svg>';
    const image = new Resvg(svg, { background: 'white' }).render();
    const png = encodeOpaquePng(image.pixels, image.width, image.height);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(decoded(png, image.width, image.height).equals(image.pixels)).toBe(true);
  });

  it('refuses pixels that are not width × height RGBA', () => {
    expect(() => encodeOpaquePng(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });
});
