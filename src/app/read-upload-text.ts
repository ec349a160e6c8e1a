import type { Dataset } from '../domain/dataset/schema.js';
import { parseDataset } from '../domain/dataset/parse.js';
import { decodeText } from '../ingest/decode-text.js';
import { readDatasetText } from '../ingest/read-dataset.js';
import { invalid, ok, type AppResult } from './context.js';
import { findingToWire } from './wire.js';

/** A YAML or JSON upload: text, bytes (decoded here) or JSON the server already parsed. */
export type TextUpload = { format: 'json' | 'yaml'; content: Uint8Array | string | object; fileName?: string };

/** Reads a YAML/JSON upload into a dataset; every problem located (line or JSON path), nothing partial. */
export function readTextUpload(upload: TextUpload): AppResult<Dataset> {
  const fail = (n: number) => `导入文件有 ${n} 处错误，未导入任何数据`;
  if (typeof upload.content === 'object' && !(upload.content instanceof Uint8Array)) {
    const parsed = parseDataset(upload.content);
    return parsed.ok
      ? ok(parsed.dataset)
      : invalid(
          fail(parsed.errors.length),
          parsed.errors.map((e) => findingToWire(e)),
        );
  }
  // An uploaded file is decoded as a file on disk is: UTF-8, UTF-16 with a BOM, or GBK / GB18030.
  const decoded =
    upload.content instanceof Uint8Array
      ? decodeText(Buffer.from(upload.content.buffer, upload.content.byteOffset, upload.content.byteLength))
      : { ok: true as const, text: upload.content };
  if (!decoded.ok)
    return invalid(`文件编码无法识别：${decoded.detail}`, [
      findingToWire({ severity: 'error', code: 'FILE_ENCODING', message: decoded.detail, path: [] }),
    ]);
  const read = readDatasetText(decoded.text.replace(/^\uFEFF/, ''), upload.fileName ?? `upload.${upload.format}`);
  if (read.ok) return ok(read.dataset);
  const located = (e: (typeof read.errors)[number]) =>
    e.location?.line === undefined ? undefined : `${e.location.file}:${e.location.line}`;
  return invalid(
    fail(read.errors.length),
    read.errors.map((e) => findingToWire(e, located(e))),
  );
}
