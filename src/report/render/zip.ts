import { crc32, deflateRawSync } from 'node:zlib';

/** A file of a zip package: its path and its bytes (text as UTF-8). */
export type ZipEntry = { path: string; data: string | Uint8Array };

/** 1980-01-01 00:00, the earliest MS-DOS time: the zip adds no clock of its own (the same files, the same bytes). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: the path is UTF-8. */
const UTF8_FLAG = 0x0800;

/**
 * What a zip's headers say of one file: its UTF-8 name, CRC-32, sizes, whether it is deflated (else stored), its
 * MS-DOS time and date, and where its local header starts. The archive writers (this file's `zipFiles` and the
 * streamed download, src/app/zip-stream.ts) lay out the records from it.
 */
export type ZipRecord = {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  deflated: boolean;
  time: number;
  date: number;
  offset: number;
};

/** The fields a local header and a central directory entry share (version needed … name length). */
function common(header: Buffer, at: number, file: ZipRecord): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(UTF8_FLAG, at + 2);
  header.writeUInt16LE(file.deflated ? 8 : 0, at + 4);
  header.writeUInt16LE(file.time, at + 6);
  header.writeUInt16LE(file.date, at + 8);
  header.writeUInt32LE(file.crc, at + 10);
  header.writeUInt32LE(file.compressedSize, at + 14);
  header.writeUInt32LE(file.size, at + 18);
  header.writeUInt16LE(file.name.byteLength, at + 22);
}

/** A file's local header (its name and body follow it). */
export function localHeader(file: ZipRecord): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  common(header, 4, file);
  return header;
}

/** A file's entry in the central directory (its name follows it). */
export function centralEntry(file: ZipRecord): Buffer {
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4); // made by: MS-DOS, version 2.0
  common(entry, 6, file);
  entry.writeUInt32LE(file.offset, 42);
  return entry;
}

/** The end of the central directory: how many entries, and the directory's size and offset. */
export function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

type Packed = ZipRecord & { body: Buffer };

/**
 * Pictures are stored as they are: a PNG's pixels are deflated already (png-encode.ts), and deflating them again took
 * 9 % more off for about 2 ms a report (four charts), time a batch of a thousand reports has less of than space.
 */
const STORED = /\.(png|jpe?g)$/i;

function pack(entry: ZipEntry, offset: number): Packed {
  const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
  const deflated = !STORED.test(entry.path);
  const body = deflated ? deflateRawSync(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return {
    name: Buffer.from(entry.path, 'utf8'),
    crc: crc32(raw),
    size: raw.byteLength,
    compressedSize: body.byteLength,
    deflated,
    time: DOS_TIME,
    date: DOS_DATE,
    offset,
    body,
  };
}

/**
 * A zip file of `entries`, in their order, deflated by Node's zlib (native; docx's own zipper, fflate, deflates in
 * JavaScript, and deflated its PNGs again). Plain zip: no ZIP64 (a report is far below 4 GB and 65,535 files).
 */
export function zipFiles(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const files: Packed[] = [];
  let offset = 0;
  for (const entry of entries) {
    const file = pack(entry, offset);
    const header = localHeader(file);
    parts.push(header, file.name, file.body);
    offset += header.byteLength + file.name.byteLength + file.body.byteLength;
    files.push(file);
  }
  const central = files.flatMap((file) => [centralEntry(file), file.name]);
  const centralSize = central.reduce((sum, part) => sum + part.byteLength, 0);
  return Buffer.concat([...parts, ...central, endOfCentralDirectory(files.length, centralSize, offset)]);
}
