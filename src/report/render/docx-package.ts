import { Packer, type Document } from 'docx';
import { zipFiles } from './zip.js';

/** docx's compiler (Packer's own, a private static): the package's files by path, in the order docx zips them. */
type Compiler = { compile(file: Document, prettify?: string): Map<string, string | Uint8Array> };
const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;

/**
 * The document as a .docx: docx's own parts, zipped by Node's zlib (zip.ts) rather than docx's JavaScript zipper,
 * which took about a third of a department's DOCX in bulk. Should docx stop exposing its compiler, Packer does it.
 */
export async function packDocx(document: Document): Promise<Buffer> {
  if (compiler === undefined) return Packer.toBuffer(document);
  const files = compiler.compile(document);
  return zipFiles([...files].map(([path, data]) => ({ path, data })));
}
