import { PassThrough, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * A zip archive written as a stream, one stored (uncompressed) entry at a time: DOCX and PDF are compressed
 * already, and nothing but the small central directory is held until the end — unlike jszip, which keeps every
 * entry in memory until the archive is generated (1,000 departments' reports would be hundreds of megabytes).
 * Names are UTF-8 (flag bit 11). Zip64 is not written: past 65,535 entries or 4 GiB `add` throws.
 */
export type ZipStream = {
  stream: Readable;
  /** Appends an entry; resolves when the stream has taken it (backpressure). */
  add: (name: string, bytes: Uint8Array) => Promise<void>;
  /** Writes the central directory and ends the stream. */
  finish: () => Promise<void>;
};

const LIMIT = 0xffffffff;
const UTF8_NAMES = 0x0800;

/** DOS time and date of a Date (zip's only mandatory time stamp). */
function dosTime(at: Date): { time: number; date: number } {
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const date = (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  return { time, date };
}

type Entry = { name: Buffer; crc: number; size: number; offset: number };

export function createZipStream(at: Date): ZipStream {
  const stream = new PassThrough();
  const entries: Entry[] = [];
  const { time, date } = dosTime(at);
  let offset = 0;

  /** Resolves when the reader has room again; rejects once the reader has gone (the stream was destroyed). */
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (stream.destroyed) return reject(new Error('下载已中断'));
      offset += chunk.length;
      if (stream.write(chunk)) return resolve();
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        if (stream.destroyed) reject(new Error('下载已中断'));
        else resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });

  const add = async (name: string, bytes: Uint8Array) => {
    const nameBytes = Buffer.from(name, 'utf8');
    if (entries.length >= 0xffff || offset + bytes.length + 30 + nameBytes.length > LIMIT)
      throw new RangeError('压缩包超过 4 GiB 或 65535 个文件');
    const entry = { name: nameBytes, crc: crc32(bytes), size: bytes.length, offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.size, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    entries.push(entry);
    await write(Buffer.concat([header, nameBytes]));
    await write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };

  const finish = async () => {
    const start = offset;
    for (const e of entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(UTF8_NAMES, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(time, 12);
      record.writeUInt16LE(date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.size, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      await write(Buffer.concat([record, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(offset - start, 12);
    end.writeUInt32LE(start, 16);
    await write(end);
    stream.end();
  };

  return { stream, add, finish };
}
