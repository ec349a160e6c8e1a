import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../testing/resvg-reference.js';
import { encodeRgbScanlines } from './png-encode.js';

/** RGBA pixels as PNG scanlines: each row a filter byte (0), then its pixels without their alpha. */
function scanlines(rgba: Uint8Array, width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) rows[y * (width * 3 + 1) + 1 + x * 3 + c] = rgba[(y * width + x) * 4 + c]!;
  return rows;
}

describe('encodeRgbScanlines', () => {
  it('gives back the very pixels of a chart drawn on white', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="37" height="19"><rect x="3" y="2" width="20" height="9" ' +
      'fill="#5470c6"/><circle cx="28" cy="12" r="6" fill="#ee6666"/></svg>';
    const image = new Resvg(svg, { background: 'white' }).render();
    const png = encodeRgbScanlines(scanlines(image.pixels, image.width, image.height), image.width, image.height);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(decodePng(png, image.width, image.height).equals(image.pixels)).toBe(true);
  });

  it('refuses bytes that are not height rows of a filter byte and width × RGB', () => {
    expect(() => encodeRgbScanlines(Buffer.alloc(10), 2, 2)).toThrow(RangeError);
  });
});
