import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gbkEncoder } from './testing/gbk.js';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { readDatasetFile } from './read-dataset.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// GBK bytes written out by hand (the same in GB2312 and GB18030): 中文 D6D0 CEC4, 单位：万元 B5A5 CEBB A3BA CDF2 D4AA.
const ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
const DANWEI_WANYUAN = [0xb5, 0xa5, 0xce, 0xbb, 0xa3, 0xba, 0xcd, 0xf2, 0xd4, 0xaa];

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode('name: 中文\n');
    expect(decodeText(utf8)).toEqual({ ok: true, text: 'name: 中文\n', encoding: 'UTF-8' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8))).toEqual({ ok: true, text: 'name: 中文\n', encoding: 'UTF-8' });
  });

  it('reads GBK bytes as GB18030', () => {
    const gbk = bytes(...ascii('name: '), ...ZHONGWEN, 0x0a, ...ascii('unit: '), ...DANWEI_WANYUAN, 0x0a);
    expect(decodeText(gbk)).toEqual({ ok: true, text: 'name: 中文\nunit: 单位：万元\n', encoding: 'GB18030' });
  });

  it('reads the four-byte GB18030 sequences that GBK lacks (𠀀 is 95 32 82 36)', () => {
    expect(decodeText(bytes(...ZHONGWEN, 0x95, 0x32, 0x82, 0x36))).toMatchObject({ ok: true, text: '中文𠀀' });
  });

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    // 中 is U+4E2D, 文 U+6587.
    expect(decodeText(bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65))).toEqual({
      ok: true,
      text: '中文',
      encoding: 'UTF-16LE',
    });
    expect(decodeText(bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87))).toEqual({
      ok: true,
      text: '中文',
      encoding: 'UTF-16BE',
    });
  });

  it.each([
    ['UTF-32LE', bytes(0xff, 0xfe, 0x00, 0x00, 0x2d, 0x4e, 0x00, 0x00), /UTF-32LE，不受支持/],
    ['UTF-16LE', bytes(0xff, 0xfe, 0x2d), /以 UTF-16LE 字节顺序标记开头，但内容不是有效的 UTF-16LE/],
    ['UTF-8', bytes(0xef, 0xbb, 0xbf, ...ZHONGWEN), /以 UTF-8 字节顺序标记开头/],
    ['UTF-16/二进制', bytes(...ascii('a'), 0, ...ascii('b'), 0), /含有空字节/],
  ])('refuses %s that does not decode, naming the encoding it found', (found, input, detail) => {
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: false, found });
    expect(!result.ok && result.detail).toMatch(detail);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 and names the line of the first bad byte', () => {
    // 0xFF is never a GB18030 lead byte and never valid in UTF-8.
    const result = decodeText(bytes(...ascii('a: 1\nb: 2\n'), ...ascii('c: '), 0xff, 0x0a));
    expect(result).toMatchObject({ ok: false, found: '未知编码' });
    expect(!result.ok && result.detail).toContain('不是有效的 UTF-8（第 3 行起有无效字节），也不是 GB18030/GBK');
  });
});

// `printf 'name: 某縣財政局\nunit: 萬元\n' | iconv -f UTF-8 -t BIG5`: 某 AC59 縣 BFA4 財 B05D 政 AC46 局 A7BD, 萬 B855 元 A4B8.
const BIG5_YAML = [
  ...ascii('name: '),
  ...[0xac, 0x59, 0xbf, 0xa4, 0xb0, 0x5d, 0xac, 0x46, 0xa7, 0xbd],
  0x0a,
  ...ascii('unit: '),
  ...[0xb8, 0x55, 0xa4, 0xb8],
  0x0a,
];

describe('Big5 and other bytes that GB18030 reads only as nonsense', () => {
  it('refuses Big5 (which GB18030 decodes as 琘郡癩現Ы / 窾じ) and names Big5', () => {
    const input = bytes(...BIG5_YAML);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(input)).toContain('窾じ');
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: false, found: 'Big5' });
    expect(!result.ok && result.detail).toBe(
      '编码像是 Big5（繁体中文），不是 GB18030/GBK（按 GB18030/GBK 读出的文字多为罕用字、日文假名、希腊或俄文字母及私用区字符）；请另存为 UTF-8 后重试',
    );
  });

  it('still reads GBK text that has a few characters outside GB2312 (堃 is GBK/3 88D2)', () => {
    const gbk = bytes(...ascii('name: '), ...ZHONGWEN, ...DANWEI_WANYUAN, 0x88, 0xd2, 0x0a);
    expect(decodeText(gbk)).toMatchObject({ ok: true, encoding: 'GB18030', text: 'name: 中文单位：万元堃\n' });
  });

  it('refuses a Big5 dataset file with FILE_ENCODING, not as a bad value of unit', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'jixiao-big5-')), 'big5.yaml');
    await writeFile(file, bytes(...BIG5_YAML));
    const result = await readDatasetFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([['FILE_ENCODING', []]]);
    expect(result.errors[0]?.message).toContain('编码像是 Big5（繁体中文）');
  });
});

describe('dataset files in GBK', () => {
  const seedPath = fileURLToPath(new URL('../../examples/yuhua-2020.yaml', import.meta.url));

  it('reads the seed saved as GBK into the same dataset as the UTF-8 original', async () => {
    const seedText = await readFile(seedPath, 'utf8');
    const gbk = gbkEncoder()(seedText);
    expect(decodeText(gbk)).toMatchObject({ ok: true, encoding: 'GB18030' });
    const file = join(await mkdtemp(join(tmpdir(), 'jixiao-gbk-')), 'seed-gbk.yaml');
    await writeFile(file, gbk);
    const [fromGbk, fromUtf8] = await Promise.all([readDatasetFile(file), readDatasetFile(seedPath)]);
    expect(fromGbk.ok && fromUtf8.ok).toBe(true);
    expect(fromGbk.ok && fromGbk.dataset).toEqual(fromUtf8.ok && fromUtf8.dataset);
  });

  it('refuses a file in no encoding it reads with FILE_ENCODING and a Chinese message naming the encoding', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'jixiao-gbk-')), 'utf32.yaml');
    await writeFile(file, bytes(0xff, 0xfe, 0x00, 0x00, ...ascii('a'), 0, 0, 0));
    const result = await readDatasetFile(file);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          severity: 'error',
          code: 'FILE_ENCODING',
          message: `文件无法读取：${file}（编码为 UTF-32LE，不受支持；请另存为 UTF-8 后重试）`,
          path: [],
          location: { file },
        },
      ],
    });
  });
});
