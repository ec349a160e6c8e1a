/** The encodings a text file is read in: a BOM decides first, then valid UTF-8, then GB18030 (a superset of GBK). */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  /** `found` names what the bytes look like (`UTF-32LE`, `UTF-16LE`, …); `detail` is the Chinese reason. */
  | { ok: false; found: string; detail: string };

const LABELS: Readonly<Record<TextEncodingName, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
};

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName | 'Big5'): string | null {
  try {
    // ignoreBOM: the BOM, when there is one, is cut off by the caller; any other U+FEFF is content. A runtime
    // without the Big5 decoder throws here, and the bytes are then refused without naming Big5.
    const label = encoding === 'Big5' ? 'big5' : LABELS[encoding];
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** A BOM and the encoding it announces (UTF-32 is checked before UTF-16LE, whose BOM is its prefix). */
function bomOf(bytes: Uint8Array): { encoding: TextEncodingName | 'UTF-32LE' | 'UTF-32BE'; length: number } | null {
  if (startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) return { encoding: 'UTF-32BE', length: 4 };
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00)) return { encoding: 'UTF-32LE', length: 4 };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { encoding: 'UTF-8', length: 3 };
  if (startsWith(bytes, 0xff, 0xfe)) return { encoding: 'UTF-16LE', length: 2 };
  if (startsWith(bytes, 0xfe, 0xff)) return { encoding: 'UTF-16BE', length: 2 };
  return null;
}

/** The 1-based line holding the first byte that is not UTF-8 (a newline byte never occurs inside a UTF-8 character). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (tryDecode(bytes.subarray(start, end), 'UTF-8') === null) return line;
    start = end + 1;
  }
  return line;
}

const SAVE_AS = '请另存为 UTF-8 后重试';

/**
 * Double-byte characters of GB18030 bytes, and how many of them are unusual in a simplified-Chinese text: outside
 * GB2312 (a trail byte below A1: GBK/3, GBK/4 and the GBK/5 symbols), in the user-defined rows (AA–AF, F8–FE: private
 * use), or Japanese kana, Greek or Cyrillic (rows A4–A7). A GBK file of a Chinese budget text has almost none; Big5
 * bytes read as GB18030 are mostly such (Big5's commonest characters, A440–C67E, land in exactly these places).
 */
function unusualDoubleBytes(bytes: Uint8Array): { pairs: number; unusual: number } {
  let pairs = 0;
  let unusual = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i += 1;
    } else if (trail >= 0x30 && trail <= 0x39) {
      i += 4; // a four-byte GB18030 sequence
    } else {
      pairs += 1;
      const userDefined = (lead >= 0xaa && lead <= 0xaf) || lead >= 0xf8;
      if (trail < 0xa1 || userDefined || (lead >= 0xa4 && lead <= 0xa7)) unusual += 1;
      i += 2;
    }
  }
  return { pairs, unusual };
}

/** Bytes that decode as GB18030 but read as nonsense: at least 4 double-byte characters, 30 % or more of them unusual. */
function implausibleAsGb(bytes: Uint8Array): boolean {
  const { pairs, unusual } = unusualDoubleBytes(bytes);
  return pairs >= 4 && unusual * 10 >= pairs * 3;
}

function refuseImplausibleGb(bytes: Uint8Array): DecodedText {
  const seen = '按 GB18030/GBK 读出的文字多为罕用字、日文假名、希腊或俄文字母及私用区字符';
  if (tryDecode(bytes, 'Big5') !== null)
    return { ok: false, found: 'Big5', detail: `编码像是 Big5（繁体中文），不是 GB18030/GBK（${seen}）；${SAVE_AS}` };
  return {
    ok: false,
    found: '未知编码',
    detail: `编码无法识别：不是有效的 UTF-8，也不像 GB18030/GBK（${seen}）；${SAVE_AS}`,
  };
}

/**
 * Decodes a text file's bytes: a UTF-8 BOM is skipped, a UTF-16 BOM reads UTF-16, valid UTF-8 stays UTF-8, and
 * anything else is tried as GB18030 (which covers GBK and GB2312, what Chinese Windows and WPS save as "ANSI").
 * What none of these read is refused with the encoding it looks like, never decoded into replacement characters;
 * so are bytes that GB18030 reads only as nonsense (Big5, typically: 萬元 would read 窾じ).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomOf(bytes);
  if (bom !== null) {
    if (bom.encoding === 'UTF-32LE' || bom.encoding === 'UTF-32BE')
      return { ok: false, found: bom.encoding, detail: `编码为 ${bom.encoding}，不受支持；${SAVE_AS}` };
    const text = tryDecode(bytes.subarray(bom.length), bom.encoding);
    if (text !== null) return { ok: true, text, encoding: bom.encoding };
    const detail = `以 ${bom.encoding} 字节顺序标记开头，但内容不是有效的 ${bom.encoding}；${SAVE_AS}`;
    return { ok: false, found: bom.encoding, detail };
  }
  if (bytes.includes(0)) {
    const detail = `含有空字节，像是不带字节顺序标记的 UTF-16 或二进制文件，不是文本文件；${SAVE_AS}`;
    return { ok: false, found: 'UTF-16/二进制', detail };
  }
  const utf8 = tryDecode(bytes, 'UTF-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const gb = tryDecode(bytes, 'GB18030');
  if (gb !== null)
    return implausibleAsGb(bytes) ? refuseImplausibleGb(bytes) : { ok: true, text: gb, encoding: 'GB18030' };
  const line = firstInvalidUtf8Line(bytes);
  const detail = `编码无法识别：不是有效的 UTF-8（第 ${line} 行起有无效字节），也不是 GB18030/GBK；${SAVE_AS}`;
  return { ok: false, found: '未知编码', detail };
}
