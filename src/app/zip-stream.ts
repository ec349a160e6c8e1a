import { PassThrough, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { centralEntry, endOfCentralDirectory, localHeader, type ZipRecord } from '../report/render/zip.js';

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

/** DOS time and date of a Date (zip's only mandatory time stamp). */
function dosTime(at: Date): { time: number; date: number } {
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const date = (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  return { time, date };
}

export function createZipStream(at: Date): ZipStream {
  const stream = new PassThrough();
  const entries: ZipRecord[] = [];
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
    const size = bytes.length;
    const entry = {
      name: nameBytes,
      crc: crc32(bytes),
      size,
      compressedSize: size,
      deflated: false,
      time,
      date,
      offset,
    };
    entries.push(entry);
    await write(Buffer.concat([localHeader(entry), nameBytes]));
    await write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };

  const finish = async () => {
    const start = offset;
    for (const e of entries) await write(Buffer.concat([centralEntry(e), e.name]));
    await write(endOfCentralDirectory(entries.length, offset - start, start));
    stream.end();
  };

  return { stream, add, finish };
}
