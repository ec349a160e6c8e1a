import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zip.js';

const xml = '<?xml version="1.0" encoding="UTF-8"?><w:t>部门整体支出绩效自评报告 1456.78万元</w:t>'.repeat(200);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 255]);

describe('zipFiles', () => {
  it('gives back every file, in order, with its bytes and CRC', async () => {
    const zip = await JSZip.loadAsync(
      zipFiles([
        { path: 'word/document.xml', data: xml },
        { path: 'word/media/image1.png', data: png },
        { path: '[Content_Types].xml', data: '' },
      ]),
      { checkCRC32: true },
    );
    expect(Object.keys(zip.files)).toEqual(['word/document.xml', 'word/media/image1.png', '[Content_Types].xml']);
    expect(await zip.file('word/document.xml')?.async('string')).toBe(xml);
    expect(await zip.file('word/media/image1.png')?.async('uint8array')).toEqual(png);
    expect(await zip.file('[Content_Types].xml')?.async('string')).toBe('');
  });

  it('deflates text and carries no clock: the same files give the same bytes', () => {
    const once = zipFiles([{ path: 'a.xml', data: xml }]);
    expect(once.length).toBeLessThan(Buffer.byteLength(xml) / 10);
    expect(zipFiles([{ path: 'a.xml', data: xml }]).equals(once)).toBe(true);
  });

  it('stores a picture as it is (its pixels are deflated already) and deflates the rest', () => {
    const zip = zipFiles([{ path: 'word/media/image1.png', data: png }]);
    expect(zip.readUInt16LE(8)).toBe(0); // method: stored
    expect(
      zip
        .subarray(30 + 'word/media/image1.png'.length)
        .subarray(0, png.length)
        .equals(png),
    ).toBe(true);
    expect(zipFiles([{ path: 'word/document.xml', data: xml }]).readUInt16LE(8)).toBe(8); // deflated
  });
});
